package io.casinoperf.report;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What makes a report page self-contained: nothing a browser would fetch from elsewhere. */
final class SelfContainedPages {
  /**
   * Anything a browser would fetch on its own: a src (or SVG xlink:href) other than a data URI or
   * an in-page #id, url(...) other than #id, imports, scripts, stylesheets, frames. Plain links
   * ({@code <a href>}) are followed only when clicked.
   */
  static final Pattern EXTERNAL = Pattern.compile(
      "(?i)(?:\\b(?:src|xlink:href)\\s*=\\s*[\"']?(?!#|data:)[a-z/.])|url\\((?!['\"]?#)|@import"
          + "|<script|<link|<iframe|<object|<embed");

  private SelfContainedPages() {}

  /** The first external reference with 80 characters either side, to show in a failure. */
  static Optional<String> firstExternalReference(String html) {
    Matcher m = EXTERNAL.matcher(html);
    return m.find()
        ? Optional.of(html.substring(Math.max(0, m.start() - 80), Math.min(html.length(), m.end() + 80)))
        : Optional.empty();
  }
}
