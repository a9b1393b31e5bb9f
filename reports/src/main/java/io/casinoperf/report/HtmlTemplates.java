package io.casinoperf.report;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The report templates (Mustache, in resources/io/casinoperf/report/templates): values are
 * HTML-escaped unless a template asks for raw output ({@code {{{svg}}}}, charts only).
 */
final class HtmlTemplates {
  private static final Mustache.Compiler COMPILER = Mustache.compiler()
      .escapeHTML(true)
      .defaultValue("")
      .withLoader(HtmlTemplates::reader);

  private HtmlTemplates() {}

  static Template load(String name) {
    return COMPILER.compile(reader(name));
  }

  private static Reader reader(String name) {
    try (InputStream in = HtmlTemplates.class.getResourceAsStream("templates/" + name + ".mustache")) {
      if (in == null) {
        throw new IllegalStateException("no template " + name);
      }
      return new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
