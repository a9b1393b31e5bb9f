package io.casinoperf.scenarios;

import java.util.Map;

/**
 * Checks that a money movement reported by the platform adds up, from the response body and what
 * the virtual user knew before. Each method answers {@link #CONSISTENT} or a sentence saying what
 * does not add up, so that a failed Gatling check shows the numbers.
 */
public final class BalanceArithmetic {
  public static final String CONSISTENT = "consistent";

  private BalanceArithmetic() {}

  /** A spin response: {@code balance = before − stake + win}, and the stake is the one played. */
  public static String spin(Map<String, Object> body, long balanceBeforeCents, long stakeCents) {
    Long stake = cents(body, "stakeCents");
    Long win = cents(body, "winCents");
    Long balance = cents(body, "balanceCents");
    if (stake == null || win == null || balance == null) {
      return "spin response lacks stakeCents, winCents or balanceCents: " + body;
    }
    if (stake != stakeCents) {
      return "stake " + stake + " differs from the stake played " + stakeCents;
    }
    if (win < 0) {
      return "negative win " + win;
    }
    long expected = balanceBeforeCents - stake + win;
    if (balance != expected) {
      return "balance " + balance + " != " + balanceBeforeCents + " - " + stake + " + " + win
          + " = " + expected;
    }
    return CONSISTENT;
  }

  /** A deposit or withdrawal: {@code balance = before ± amount}. */
  public static String transfer(
      Map<String, Object> body, long balanceBeforeCents, long amountCents, boolean deposit) {
    Long amount = cents(body, "amountCents");
    Long balance = cents(body, "balanceCents");
    if (amount == null || balance == null) {
      return "response lacks amountCents or balanceCents: " + body;
    }
    if (amount != amountCents) {
      return "amount " + amount + " differs from the amount sent " + amountCents;
    }
    long expected = deposit ? balanceBeforeCents + amount : balanceBeforeCents - amount;
    if (balance != expected) {
      return "balance " + balance + " != " + balanceBeforeCents + (deposit ? " + " : " - ")
          + amount + " = " + expected;
    }
    return CONSISTENT;
  }

  private static Long cents(Map<String, Object> body, String field) {
    Object value = body.get(field);
    return value instanceof Number number ? number.longValue() : null;
  }
}
