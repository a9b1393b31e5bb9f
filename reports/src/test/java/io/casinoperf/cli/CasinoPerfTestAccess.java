package io.casinoperf.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line from tests in other packages, output discarded. */
public final class CasinoPerfTestAccess {
  private CasinoPerfTestAccess() {}

  public static int run(String... args) {
    return CasinoPerf.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true));
  }
}
