package io.casinoperf.cli;

import java.math.BigDecimal;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * A refused option value in the user's terms: the option, the value as typed and what was
 * expected, e.g. {@code --confidence=98: expected a fraction such as 0.98}. Commands check their
 * values this way before they read or write anything, so the refusal is the only line.
 */
final class OptionValues {
  private OptionValues() {}

  /** One line, exit code 2: {@code OPTION=TYPED: EXPECTED}. */
  static CasinoPerf.UserInputException refuse(CommandSpec command, String option, String expected) {
    return new CasinoPerf.UserInputException(option + "=" + typed(command, option) + ": " + expected);
  }

  /**
   * The option's value as it was typed ({@code 98}, where the parsed double reads {@code 98.0}),
   * the last one when given twice, or its default when not given.
   */
  static String typed(CommandSpec command, String option) {
    ParseResult parsed = command.commandLine().getParseResult();
    OptionSpec given = parsed == null ? null : parsed.matchedOption(option);
    if (given != null && !given.originalStringValues().isEmpty()) {
      List<String> values = given.originalStringValues();
      return values.get(values.size() - 1);
    }
    OptionSpec declared = command.findOption(option);
    if (declared == null) {
      throw new IllegalArgumentException("no option " + option + " in " + command.qualifiedName());
    }
    return String.valueOf(declared.defaultValue());
  }

  /** The fraction a number typed as a percentage stands for: 98 → "0.98", 5 → "0.05". */
  static String asFraction(double percent) {
    return BigDecimal.valueOf(percent).movePointLeft(2).stripTrailingZeros().toPlainString();
  }

  /** The percentage a number typed as a fraction stands for: 0.8 → "80", 0.995 → "99.5". */
  static String asPercent(double fraction) {
    return BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros().toPlainString();
  }
}
