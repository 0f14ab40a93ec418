package vn.citytwin.demo;

import java.io.IOException;
import java.io.OutputStream;
import org.locationtech.jts.geom.MultiPolygon;

/** Writes the polygon and line layers that come from the geography and the street network. */
final class AreaTables {
  private AreaTables() {}

  static long wards(Geography g, OutputStream out) throws IOException {
    CopyRow row = new CopyRow(out);
    long id = 0;
    for (Geography.Ward w : g.wards) {
      Anchors.WardSpec s = w.spec();
      MultiPolygon mp = Ewkt.multiPolygon(w.geometry());
      row.num(++id).text(s.code()).text(s.name()).text(s.nameEn()).text(s.kind()).text(s.mergedFrom())
          .num(s.areaKm2(), 2).num(s.population());
      Ewkt.multiPolygon(row, mp);
      row.end();
    }
    row.flush();
    return row.rows();
  }

  static long landUse(Geography g, OutputStream out) throws IOException {
    CopyRow row = new CopyRow(out);
    long id = 0;
    for (Geography.LandUsePiece p : g.landUse) {
      MultiPolygon mp = Ewkt.multiPolygon(p.geometry());
      if (mp == null) {
        continue;
      }
      row.num(++id).text(p.code()).text(p.landClass()).text(p.name()).num(p.maxHeight(), 1).num(p.maxFar(), 2);
      Ewkt.multiPolygon(row, mp);
      row.end();
    }
    row.flush();
    return row.rows();
  }

  static long water(Geography g, OutputStream out) throws IOException {
    CopyRow row = new CopyRow(out);
    long id = 0;
    for (Geography.WaterBody w : g.water) {
      MultiPolygon mp = Ewkt.multiPolygon(w.geometry());
      if (mp == null) {
        continue;
      }
      row.num(++id).text(w.name()).text(w.kind());
      Ewkt.multiPolygon(row, mp);
      row.end();
    }
    row.flush();
    return row.rows();
  }

  static long parks(Geography g, OutputStream out) throws IOException {
    CopyRow row = new CopyRow(out);
    long id = 0;
    for (Anchors.Park p : g.anchors.parks()) {
      MultiPolygon mp = Ewkt.multiPolygon(Geography.intersection(p.geometry(), g.cityLand));
      if (mp == null) {
        continue;
      }
      row.num(++id).text(p.name()).text(p.kind());
      Ewkt.multiPolygon(row, mp);
      row.end();
    }
    row.flush();
    return row.rows();
  }

  static long roads(Streets s, OutputStream out) throws IOException {
    CopyRow row = new CopyRow(out);
    long id = 0;
    for (Streets.Road r : s.roads) {
      row.num(++id).text(r.name()).text(r.roadClass().code()).num(r.lanes()).bool(false).num(r.width(), 1);
      Ewkt.line(row, r.line());
      row.end();
    }
    row.flush();
    return row.rows();
  }
}
