package io.casinoperf.simulations.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRecorderTest {
  private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

  @TempDir Path dir;

  @Test
  void theTargetKeepsSchemeHostAndPortOnly() {
    var target = RunRecorder.target(
        URI.create("https://perf:s3cret@Staging.Casino.example/api/v2?token=abc#x"), false);

    assertThat(target.identity()).isEqualTo("https://staging.casino.example:443");
    assertThat(target.toString()).doesNotContain("s3cret").doesNotContain("token").doesNotContain("api");
    assertThat(RunRecorder.target(URI.create("http://10.0.0.5:8080"), false).port()).isEqualTo(8080);
    assertThat(RunRecorder.target(URI.create("http://127.0.0.1:41234"), true).identity())
        .isEqualTo("embedded");
  }

  @Test
  void aQueueModeRunRecordsItsEffectiveQueueAndOnlyThen() {
    var given = io.casinoperf.simulations.settings.RunSettings.from(java.util.Map.of("mode", "queue",
        "queue.workers", "12", "queue.serviceScv", "0.5"));
    var defaults = io.casinoperf.simulations.settings.RunSettings.from(java.util.Map.of("mode", "queue"));
    var normal = io.casinoperf.simulations.settings.RunSettings.from(java.util.Map.of());

    assertThat(RunRecorder.queue(given)).contains("workers=12,serviceMillis=20,serviceScv=0.5");
    // The platform's own defaults, named, so that a run giving them explicitly is the same workload.
    assertThat(RunRecorder.queue(defaults)).contains("workers=8,serviceMillis=20,serviceScv=1");
    assertThat(RunRecorder.queue(normal)).isEmpty();
  }

  @Test
  void readsTheCommitOfADetachedHeadALooseRefAndAPackedRef() throws Exception {
    Path detached = Files.createDirectories(dir.resolve("a/.git"));
    Files.writeString(detached.resolve("HEAD"), COMMIT + "\n");
    assertThat(RunRecorder.commit(dir.resolve("a"))).contains(COMMIT);

    Path loose = Files.createDirectories(dir.resolve("b/.git/refs/heads"));
    Files.writeString(dir.resolve("b/.git/HEAD"), "ref: refs/heads/main\n");
    Files.writeString(loose.resolve("main"), COMMIT + "\n");
    Path nested = Files.createDirectories(dir.resolve("b/simulations/target"));
    assertThat(RunRecorder.commit(nested)).as("from a folder inside the clone").contains(COMMIT);

    Files.createDirectories(dir.resolve("c/.git"));
    Files.writeString(dir.resolve("c/.git/HEAD"), "ref: refs/heads/release\n");
    Files.writeString(dir.resolve("c/.git/packed-refs"),
        "# pack-refs with: peeled\n" + COMMIT + " refs/heads/release\n");
    assertThat(RunRecorder.commit(dir.resolve("c"))).contains(COMMIT);
  }

  @Test
  void noCommitFromAHeadThatIsNeitherACommitNorARef() throws Exception {
    Files.createDirectories(dir.resolve("broken/.git"));
    Files.writeString(dir.resolve("broken/.git/HEAD"), "not a ref\n");

    assertThat(RunRecorder.commit(dir.resolve("broken"))).isEmpty();
  }
}
