package vn.citytwin.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The named database edge cases in {@code src/test/resources/fixtures/edge-cases/} (after Martin's one SQL fixture
 * per case): each creates one layer table in {@code city}. Any protocol's test can load them.
 */
public final class EdgeCaseFixtures {
  /**
   * One edge case.
   *
   * @param file the fixture's file name without {@code .sql}
   * @param layer the layer id the catalog gives the table
   * @param features every feature a feature service returns (NULL and EMPTY geometries included)
   * @param drawable the features with a geometry a map or a tile can draw
   * @param lon a longitude inside the drawable features' extent, for maps and tiles
   * @param lat a latitude inside it
   */
  public record EdgeCase(String file, String layer, int features, int drawable, double lon, double lat) {
    @Override
    public String toString() {
      return file;
    }
  }

  public static final List<EdgeCase> ALL = List.of(
      new EdgeCase("mixed_case_names", "DiemDuLich", 3, 3, 107.0775, 10.3400),
      new EdgeCase("srid_zero", "srid_zero", 2, 2, 107.0820, 10.3520),
      new EdgeCase("empty_and_null_geometries", "odd_geometries", 3, 1, 107.0810, 10.3460),
      new EdgeCase("no_rows", "no_rows", 0, 0, 107.0810, 10.3460),
      new EdgeCase("mixed_geometry_types", "mixed_shapes", 4, 4, 107.0810, 10.3458));

  private EdgeCaseFixtures() {}

  /** Runs the named fixtures (file names without {@code .sql}) in one transaction. */
  public static void load(TestDatabase db, List<EdgeCase> cases) throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      for (EdgeCase e : cases) {
        s.execute(sql(e.file()));
      }
      c.commit();
    }
  }

  private static String sql(String name) {
    String path = "/fixtures/edge-cases/" + name + ".sql";
    try (InputStream in = EdgeCaseFixtures.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
