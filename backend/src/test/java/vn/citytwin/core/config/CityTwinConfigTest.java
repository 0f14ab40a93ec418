package vn.citytwin.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CityTwinConfigTest {

  @Test
  void defaultsWhenNothingIsSet() {
    CityTwinConfig c = CityTwinConfig.from(ConfigSource.of(Map.of()));
    assertThat(c.server().port()).isEqualTo(8080);
    assertThat(c.database().url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/citytwin");
    assertThat(c.service().defaultLanguage()).isEqualTo("vi");
    assertThat(c.tiles().emptyTileStatus()).isEqualTo(204);
    assertThat(c.wfs().transactionsEnabled()).isFalse();
    assertThat(c.wfs().cityBoundary()).isTrue(); // base-city edits are held to the city, as scenario edits are
    assertThat(CityTwinConfig.from(ConfigSource.of(Map.of("wfs.transactions.city.boundary", "false"))).wfs()
        .cityBoundary()).isFalse();
  }

  @Test
  void environmentOverridesFileAndSystemPropertiesOverrideEnvironment(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("citytwin.properties");
    Files.writeString(file, "http.port=9000\ndb.url=jdbc:postgresql://db:5432/x\nservice.title=Huế\n");
    Properties sys = new Properties();
    sys.setProperty("citytwin.db.url", "jdbc:postgresql://sys:5432/y");
    ConfigSource src = ConfigSource.load(file, Map.of("CITYTWIN_HTTP_PORT", "9100",
        "CITYTWIN_DB_URL", "jdbc:postgresql://env:5432/z", "PATH", "/bin"), sys);
    CityTwinConfig c = CityTwinConfig.from(src);
    assertThat(c.server().port()).isEqualTo(9100);
    assertThat(c.database().url()).isEqualTo("jdbc:postgresql://sys:5432/y");
    assertThat(c.service().title()).isEqualTo("Huế");
  }

  @Test
  void aWrongValueNamesTheSettingAndWhereItCameFrom() {
    ConfigSource src = ConfigSource.load(null, Map.of("CITYTWIN_HTTP_PORT", "eighty"), new Properties());
    assertThatThrownBy(() -> CityTwinConfig.from(src))
        .isInstanceOf(ConfigException.class)
        .hasMessage("setting http.port (from environment CITYTWIN_HTTP_PORT): 'eighty' is not a whole number");
  }

  @Test
  void outOfRangeAndBadEnumsAreRejected() {
    assertThatThrownBy(() -> CityTwinConfig.from(ConfigSource.of(Map.of("http.port", "70000"))))
        .hasMessageContaining("http.port").hasMessageContaining("between 1 and 65535");
    assertThatThrownBy(() -> CityTwinConfig.from(ConfigSource.of(Map.of("service.language", "fr"))))
        .hasMessageContaining("service.language").hasMessageContaining("en, vi");
    assertThatThrownBy(() -> CityTwinConfig.from(ConfigSource.of(Map.of("db.url", "postgres://x"))))
        .hasMessageContaining("db.url");
    assertThatThrownBy(() -> CityTwinConfig.from(ConfigSource.of(Map.of("demo.seed.when.empty", "maybe"))))
        .hasMessageContaining("demo.seed.when.empty").hasMessageContaining("true or false");
  }

  @Test
  void typosInTheFileAreReportedAsUnknownKeys(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("c.properties");
    Files.writeString(file, "http.prot=9000\nhttp.port=9001\n");
    ConfigSource src = ConfigSource.load(file, Map.of(), new Properties());
    CityTwinConfig.from(src);
    assertThat(src.unknownKeys()).containsExactly("http.prot");
  }

  @Test
  void aMissingConfigFileIsAnError() {
    assertThatThrownBy(() -> ConfigSource.load(Path.of("/nonexistent/citytwin.properties"), Map.of(), new Properties()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("does not exist");
  }

  @Test
  void thePasswordIsNeverPrinted() {
    CityTwinConfig c = CityTwinConfig.from(ConfigSource.of(Map.of("db.password", "s3cret")));
    assertThat(c.database().toString()).doesNotContain("s3cret");
  }
}
