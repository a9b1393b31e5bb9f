package io.casinoperf.simulations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The probe's -Dprobe.resources and -Dprometheus, before any request. */
class ProbeResourcesTest {
  @Test
  void resourcesSplitAtCommasOutsideThePromQlsBracketsAndQuotes() {
    assertThat(ProbeResources.splitTopLevel(
        "cpu=sum by (job, instance) (rate(x{a=\"1\",b=\"2\"}[1m])),db=histogram_quantile(0.9, y),"
            + "odd=z{l=\"a,b\"} , "))
        .containsExactly("cpu=sum by (job, instance) (rate(x{a=\"1\",b=\"2\"}[1m]))",
            "db=histogram_quantile(0.9, y)", "odd=z{l=\"a,b\"}");
    assertThat(ProbeResources.splitTopLevel("q=x{l='it\\'s,fine'},r=y")).containsExactly("q=x{l='it\\'s,fine'}", "r=y");
  }

  @Test
  void withoutResourcesNothingIsAskedAndBadSettingsAreNamed() {
    assertThat(ProbeResources.from(Map.of(), Map.of())).isEmpty();
    assertThat(ProbeResources.from(Map.of("prometheus", "http://p:9090", "probe.resources", "cpu=x,db=y"), Map.of())
        .orElseThrow().names()).containsExactly("cpu", "db");
    assertThatThrownBy(() -> ProbeResources.from(Map.of("prometheus", "http://p:9090"), Map.of()))
        .hasMessageStartingWith("-Dprometheus=http://p:9090 is for -Dprobe.resources");
    assertThatThrownBy(() -> ProbeResources.from(Map.of("probe.resources", "cpu=x"), Map.of()))
        .hasMessageStartingWith("-Dprobe.resources needs -Dprometheus=URL");
    assertThatThrownBy(() -> ProbeResources.from(Map.of("prometheus", "p:9090", "probe.resources", "cpu=x"), Map.of()))
        .hasMessageContaining("expected an http:// or https:// URL");
    assertThatThrownBy(() -> ProbeResources.from(
            Map.of("prometheus", "http://p:9090", "probe.resources", "cpu=x,cpu=y"), Map.of()))
        .hasMessage("-Dprobe.resources: cpu is given twice");
    assertThatThrownBy(() -> ProbeResources.from(
            Map.of("prometheus", "http://p:9090", "probe.resources", "p99_ms=x"), Map.of()))
        .hasMessageContaining("p99_ms is a column the probe writes itself");
    assertThatThrownBy(() -> ProbeResources.from(
            Map.of("prometheus", "http://p:9090", "probe.resources", "cpu"), Map.of()))
        .hasMessageContaining("-Dprobe.resources: cpu: expected NAME=PROMQL");
    assertThatThrownBy(() -> ProbeResources.from(
            Map.of("prometheus", "http://p:9090", "probe.resources", "cpu=x", "prometheus.tokenFile", "/no/such"),
            Map.of()))
        .hasMessageStartingWith("-Dprometheus.tokenFile=/no/such: cannot read it");
  }
}
