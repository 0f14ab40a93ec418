package vn.citytwin.planning.indicators;

import org.locationtech.jts.geom.Geometry;

/** Where indicators are computed: the whole city, each ward, each land-use zone, or a drawn area. */
public sealed interface Scope {
  /** A short stable text for cache keys and responses. */
  String key();

  /** The whole city. */
  record City() implements Scope {
    @Override
    public String key() {
      return "city";
    }
  }

  /** Every ward (and the city as a whole). */
  record ByWard() implements Scope {
    @Override
    public String key() {
      return "ward";
    }
  }

  /** Every land-use zone of the scenario's city (and the city as a whole). */
  record ByZone() implements Scope {
    @Override
    public String key() {
      return "zone";
    }
  }

  /** A drawn (Multi)Polygon in EPSG:4326; its key is its normalised WKT. */
  record Area(Geometry polygon) implements Scope {
    @Override
    public String key() {
      Geometry n = polygon.copy();
      n.normalize();
      return "area:" + n.toText();
    }
  }
}
