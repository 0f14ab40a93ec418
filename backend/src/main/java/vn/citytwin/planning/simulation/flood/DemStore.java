package vn.citytwin.planning.simulation.flood;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;
import vn.citytwin.core.error.ApiException;
import vn.citytwin.core.error.ErrorKind;

/**
 * Reads the ground elevation grid from {@code terrain.dem} (the row with the lowest id) once per content: the grid
 * is kept in memory keyed by its id and the md5 of its bytes (computed by PostgreSQL, so a check costs one small
 * query and no transfer), and reloaded only when the stored grid changes. Not a {@code LayerQuery}: the terrain is
 * one elevation grid, not a catalog layer of features, and no scenario edits it.
 */
public final class DemStore {
  /** The stored grid's identity, for cache keys. */
  public record DemVersion(int id, String checksum) {
    public String key() {
      return "dem" + id + ":" + checksum;
    }
  }

  private final AtomicReference<DemGrid> cached = new AtomicReference<>();

  /** The current grid's identity; UNAVAILABLE when no DEM is loaded. */
  public DemVersion version(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id, md5(heights) FROM terrain.dem ORDER BY id LIMIT 1");
         ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new ApiException(ErrorKind.UNAVAILABLE, null, null,
            "No terrain model is loaded (terrain.dem is empty): flooding cannot be simulated", null);
      }
      return new DemVersion(rs.getInt(1), rs.getString(2));
    }
  }

  /** The current grid, from memory when unchanged. */
  public DemGrid load(Connection c) throws SQLException {
    DemVersion v = version(c);
    DemGrid g = cached.get();
    if (g != null && g.id() == v.id() && g.checksum().equals(v.checksum())) {
      return g;
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT name, ncols, nrows, west, south, cell_deg, heights,"
        + " md5(heights) FROM terrain.dem WHERE id = ?")) {
      ps.setInt(1, v.id());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new ApiException(ErrorKind.UNAVAILABLE, null, null, "The terrain model changed while it was read;"
              + " run the simulation again", null);
        }
        int ncols = rs.getInt(2);
        int nrows = rs.getInt(3);
        byte[] bytes = rs.getBytes(7);
        if (ncols <= 0 || nrows <= 0 || bytes.length != 4L * ncols * nrows) {
          throw ApiException.internal("The terrain model in terrain.dem is corrupt (size does not match "
              + "ncols × nrows)", null);
        }
        float[] heights = new float[ncols * nrows];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(heights);
        DemGrid fresh = new DemGrid(v.id(), rs.getString(1), ncols, nrows, rs.getDouble(4), rs.getDouble(5),
            rs.getDouble(6), heights, rs.getString(8));
        cached.set(fresh);
        return fresh;
      }
    }
  }
}
