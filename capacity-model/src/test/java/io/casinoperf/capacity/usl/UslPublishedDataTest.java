package io.casinoperf.capacity.usl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Published fits of Gunther's data sets, as pinned by the R package {@code usl} 3.0.3 in its own
 * regression tests (resources usl/SOURCES.md). That package fits all three parameters (σ = its
 * {@code alpha}, κ = {@code beta}, λ = {@code gamma}) by unweighted least squares on raw
 * throughput, without normalising by X(1), so every number must agree, λ and the standard errors
 * included. Tolerances are half a unit in the last digit R printed.
 */
class UslPublishedDataTest {

  private static List<LoadStep> data(String name) throws URISyntaxException {
    return LoadSteps.read(Path.of(
        UslPublishedDataTest.class.getClassLoader().getResource("usl/" + name).toURI()));
  }

  @Test
  void specSdm91OnSparcCenter2000MatchesThePublishedFit() throws Exception {
    UslModel model = UslFit.fit(data("specsdm91.csv"));

    // usl 3.0.3, tests/summary.Rout.save
    assertThat(model.sigma()).isCloseTo(2.773e-02, within(0.0005e-02));
    assertThat(model.kappa()).isCloseTo(1.044e-04, within(0.0005e-04));
    assertThat(model.lambda()).isCloseTo(90.00, within(0.005));
    assertThat(model.sigmaStandardError()).isCloseTo(9.122e-03, within(0.0005e-03));
    assertThat(model.kappaStandardError()).isCloseTo(1.988e-05, within(0.0005e-05));
    assertThat(model.lambdaStandardError()).isCloseTo(14.21, within(0.005));
    assertThat(model.residualStandardError()).isCloseTo(82.85, within(0.005));
    assertThat(model.steps()).isEqualTo(7);
    // tests/peak-scalability.R: all.equal(peak, 96.51956, tolerance 1e-4); summary: peak 1884
    assertThat(model.peakConcurrency()).isCloseTo(96.51956, within(96.51956 * 1e-4));
    assertThat(model.maxThroughput()).isCloseTo(1884, within(0.5));
  }

  @Test
  void rayTracerOnOrigin2000FirstSixConfigurationsMatchThePublishedFit() throws Exception {
    UslModel model = UslFit.fit(data("raytracer.csv").subList(0, 6));

    // usl 3.0.3, tests/confint.Rout.save: coef(usl(throughput ~ processors, raytracer[1:6, ]))
    assertThat(model.sigma()).isCloseTo(0.02444, within(0.000005));
    assertThat(model.kappa()).isCloseTo(0.00163, within(0.000005));
    assertThat(model.lambda()).isCloseTo(20.85605, within(0.000005));
  }

  @Test
  void rayTracerOnAllElevenConfigurationsShowsNoCoherencyPenalty() throws Exception {
    UslModel model = UslFit.fit(data("raytracer.csv"));

    // The usl vignette: on all 64 processors "beta = 0", so no peak, only the Amdahl limit.
    assertThat(model.kappa()).isZero();
    assertThat(model.peakConcurrency()).isInfinite();
    assertThat(model.maxThroughput()).isCloseTo(model.lambda() / model.sigma(), within(1e-9));
  }
}
