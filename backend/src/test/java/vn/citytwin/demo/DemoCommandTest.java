package vn.citytwin.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DemoCommandTest {
  @Test
  void writesCopyFilesForEveryTable(@TempDir Path dir) throws Exception {
    int code = new CommandLine(new DemoCommand()).execute("--out", dir.toString(), "--buildings", "1500", "--seed", "3");
    assertThat(code).isZero();
    for (DemoTable t : DemoTable.values()) {
      assertThat(dir.resolve(t.qualifiedName() + ".tsv")).isNotEmptyFile();
    }
    try (var lines = Files.lines(dir.resolve("city.buildings.tsv"))) {
      assertThat(lines.count()).isEqualTo(1500);
    }
  }

  @Test
  void rejectsAnImpossibleSize() {
    int code = new CommandLine(new DemoCommand()).execute("--out", "/nonexistent-never", "--buildings", "5");
    assertThat(code).isNotZero();
  }
}
