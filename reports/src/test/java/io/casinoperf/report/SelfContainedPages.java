package io.casinoperf.report;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What makes a report page self-contained: nothing a browser would fetch from elsewhere. */
final class SelfContainedPages {
  /** Anything a browser would fetch: src/href not to an in-page #id, url(...) not to #id, imports, scripts. */
  static final Pattern EXTERNAL = Pattern.compile(
      "(?i)(?:\\b(?:src|href)\\s*=\\s*[\"']?(?!#|data:)[a-z/])|url\\((?!['\"]?#)|@import|<script|<link|<iframe");

  private SelfContainedPages() {}

  /** The first external reference with 80 characters either side, to show in a failure. */
  static Optional<String> firstExternalReference(String html) {
    Matcher m = EXTERNAL.matcher(html);
    return m.find()
        ? Optional.of(html.substring(Math.max(0, m.start() - 80), Math.min(html.length(), m.end() + 80)))
        : Optional.empty();
  }
}
