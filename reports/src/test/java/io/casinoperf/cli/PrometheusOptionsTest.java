package io.casinoperf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Prometheus options of {@code forecast} that cannot work together, refused in one line before
 * any request (the port given is closed: a request would say "cannot connect" instead).
 */
class PrometheusOptionsTest {
  @TempDir Path dir;

  @AfterEach
  void realEnvironment() {
    PrometheusOptions.environment = System::getenv;
  }

  private String refusal(String... args) throws Exception {
    Path plan = dir.resolve("plan.yaml");
    Files.writeString(plan, "traffic: {series: rps, unit: requests/s}\n");
    List<String> all = new ArrayList<>(List.of("forecast", "--out", dir.resolve("out").toString(),
        "--plan", plan.toString()));
    all.addAll(Arrays.asList(args));
    StringWriter err = new StringWriter();
    int code = CasinoPerf.execute(all.toArray(String[]::new), new PrintWriter(new StringWriter(), true),
        new PrintWriter(err, true));
    assertThat(code).as(err.toString()).isEqualTo(2);
    assertThat(err.toString().strip()).doesNotContain("\n");
    assertThat(dir.resolve("out")).doesNotExist();
    return err.toString().strip();
  }

  private static final String SERVER = "http://127.0.0.1:1";

  @Test
  void prometheusOptionsWithoutTheServerOrTheServerWithoutAQuery() throws Exception {
    assertThat(refusal("metrics.csv", "--query", "rps=rps")).isEqualTo("casinoperf: --query is for reading from a"
        + " Prometheus server: give its URL with --prometheus");
    assertThat(refusal("metrics.csv", "--prometheus-token-env", "T")).startsWith("casinoperf: --prometheus-token-env is");
    assertThat(refusal("--prometheus", SERVER)).isEqualTo("casinoperf: --prometheus " + SERVER
        + ": no --query NAME=PROMQL to read");
    assertThat(refusal("--prometheus", SERVER, "--query", "rps=a", "--query", "rps=b"))
        .isEqualTo("casinoperf: --query rps is given twice; each name once");
  }

  @Test
  void aRangeOrAStartAndEndNotBoth() throws Exception {
    assertThat(refusal("--prometheus", SERVER, "--query", "rps=rps", "--range", "7d", "--start", "2025-01-01"))
        .contains("give it or --start/--end, not both");
    assertThat(refusal("--prometheus", SERVER, "--query", "rps=rps", "--end", "2025-01-01"))
        .isEqualTo("casinoperf: --end 2025-01-01 needs --start");
    assertThat(refusal("--prometheus", SERVER, "--query", "rps=rps", "--start", "2025-02-01", "--end", "2025-01-01"))
        .isEqualTo("casinoperf: --start 2025-02-01 is not before --end 2025-01-01");
    assertThat(refusal("--prometheus", SERVER, "--query", "rps=rps", "--start", "yesterday"))
        .startsWith("casinoperf: --start yesterday: ");
    assertThat(refusal("--prometheus", SERVER, "--query", "rps=rps", "--range", "ninety days"))
        .startsWith("casinoperf: --range=ninety days: expected a positive duration");
    assertThat(refusal("--prometheus", SERVER, "--query", "rps=rps", "--range", "10m", "--step", "15m"))
        .contains("holds fewer than two steps of 15 min");
  }

  @Test
  void secretsFromExactlyOnePlaceAndNeverEmpty() throws Exception {
    PrometheusOptions.environment = Map.of("EMPTY", "", "TWO_LINES", "a\nb")::get;
    Path empty = Files.writeString(dir.resolve("empty"), "\n");
    Path token = Files.writeString(dir.resolve("token"), "t\n");
    String[] base = {"--prometheus", SERVER, "--query", "rps=rps"};

    assertThat(refusal(with(base, "--prometheus-token-env", "UNSET_" + System.nanoTime())))
        .endsWith(": the environment variable is not set");
    assertThat(refusal(with(base, "--prometheus-token-env", "EMPTY")))
        .isEqualTo("casinoperf: --prometheus-token-env EMPTY: the environment variable is empty");
    assertThat(refusal(with(base, "--prometheus-token-env", "TWO_LINES")))
        .isEqualTo("casinoperf: --prometheus-token-env TWO_LINES: holds a control character or a line break"
            + " inside it; expected one line");
    assertThat(refusal(with(base, "--prometheus-token-file", empty.toString())))
        .isEqualTo("casinoperf: --prometheus-token-file " + empty + ": the file is empty");
    assertThat(refusal(with(base, "--prometheus-token-file", dir.resolve("missing").toString())))
        .contains("missing").contains("no such file");
    assertThat(refusal(with(base, "--prometheus-token-env", "EMPTY", "--prometheus-token-file", token.toString())))
        .isEqualTo("casinoperf: --prometheus-token-env or --prometheus-token-file, not both");
    assertThat(refusal(with(base, "--prometheus-token-file", token.toString(), "--prometheus-user", "u")))
        .isEqualTo("casinoperf: --prometheus: a bearer token or a user and password, not both");
    assertThat(refusal(with(base, "--prometheus-user", "u")))
        .isEqualTo("casinoperf: --prometheus-user needs a password: --prometheus-password-env or"
            + " --prometheus-password-file");
    assertThat(refusal(with(base, "--prometheus-password-file", token.toString())))
        .isEqualTo("casinoperf: --prometheus-password-env/-file need --prometheus-user");
  }

  @Test
  void theAutomaticStepIsTheFinestUsualOneUnderFiftyThousandPoints() {
    assertThat(PrometheusOptions.step(7 * 86_400L)).isEqualTo(300);
    assertThat(PrometheusOptions.step(173 * 86_400L)).isEqualTo(300); // 49,824 points
    assertThat(PrometheusOptions.step(174 * 86_400L)).isEqualTo(900);
    assertThat(PrometheusOptions.step(365 * 86_400L)).isEqualTo(900);
    assertThat(PrometheusOptions.step(5 * 365 * 86_400L)).isEqualTo(3600); // 43,800 points
    assertThat(PrometheusOptions.step(10 * 365 * 86_400L)).isEqualTo(21_600);
    assertThat(PrometheusOptions.step(1_000 * 365 * 86_400L)).isEqualTo(86_400);
  }

  private static String[] with(String[] base, String... more) {
    List<String> all = new ArrayList<>(Arrays.asList(base));
    all.addAll(Arrays.asList(more));
    return all.toArray(String[]::new);
  }
}
