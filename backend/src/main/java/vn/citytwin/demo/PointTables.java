package vn.citytwin.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes the point layers that follow the anchors and the placed buildings: schools, hospitals, markets,
 * hotels, tourist sites and sensor stations. A POI with a building sits at the building's centre.
 */
final class PointTables {
  private final CityLayout c;

  PointTables(CityLayout c) {
    this.c = c;
  }

  long schools(OutputStream out) throws IOException {
    CopyRow row = new CopyRow(out);
    long id = 0;
    for (int i = 0; i < c.landmarks.size(); i++) {
      Anchors.Landmark l = c.landmarks.get(i);
      if (l.category().equals("school")) {
        row.num(++id).text(l.name()).text(l.level()).num(l.students()).text(ward(i));
        point(row, i);
      }
    }
    for (int k = 0; k < c.sites.size(); k++) {
      CityLayout.Site s = c.sites.get(k);
      if (s.category().equals("school")) {
        int i = c.landmarks.size() + k;
        row.num(++id).text(s.name()).text(s.level()).num(s.students()).text(ward(i));
        point(row, i);
      }
    }
    row.flush();
    return row.rows();
  }

  long hospitals(OutputStream out) throws IOException {
    CopyRow row = new CopyRow(out);
    long id = 0;
    for (int i = 0; i < c.landmarks.size(); i++) {
      Anchors.Landmark l = c.landmarks.get(i);
      if (l.category().equals("hospital")) {
        row.num(++id).text(l.name()).text(l.kind()).num(l.beds()).text(ward(i));
        point(row, i);
      }
    }
    for (int k = 0; k < c.sites.size(); k++) {
      CityLayout.Site s = c.sites.get(k);
      if (s.category().equals("hospital")) {
        int i = c.landmarks.size() + k;
        row.num(++id).text(s.name()).text(s.kind()).num(s.beds()).text(ward(i));
        point(row, i);
      }
    }
    row.flush();
    return row.rows();
  }

  long markets(OutputStream out) throws IOException {
    CopyRow row = new CopyRow(out);
    long id = 0;
    for (int i = 0; i < c.landmarks.size(); i++) {
      Anchors.Landmark l = c.landmarks.get(i);
      if (l.category().equals("market")) {
        row.num(++id).text(l.name()).text(ward(i));
        point(row, i);
      }
    }
    row.flush();
    return row.rows();
  }

  static long hotels(List<BuildingTable.Hotel> hotels, OutputStream out) throws IOException {
    CopyRow row = new CopyRow(out);
    long id = 0;
    for (BuildingTable.Hotel h : hotels) {
      row.num(++id).text(h.name()).num(h.stars()).num(h.rooms()).text(h.ward());
      Ewkt.point(row, h.x(), h.y());
      row.end();
    }
    row.flush();
    return row.rows();
  }

  long touristSites(OutputStream out) throws IOException {
    CopyRow row = new CopyRow(out);
    long id = 0;
    for (Anchors.Landmark l : c.geo.anchors.landmarks()) {
      if (l.category().equals("tourist")) {
        row.num(++id).text(l.name()).text(l.nameEn()).text(l.kind()).text(l.description());
        Ewkt.point(row, l.point().getX(), l.point().getY());
        row.end();
      }
    }
    row.flush();
    return row.rows();
  }

  long sensorStations(OutputStream out) throws IOException {
    CopyRow row = new CopyRow(out);
    long id = 0;
    for (Anchors.Station s : c.geo.anchors.stations()) {
      double x = s.point().getX();
      double y = s.point().getY();
      int w = c.wardAt(x, y);
      row.num(++id).text(s.code()).text(s.name()).text(s.kind()).text(w < 0 ? null : wardName(w));
      Ewkt.point(row, x, y);
      row.end();
    }
    row.flush();
    return row.rows();
  }

  private String ward(int lot) {
    int w = c.lots.ward[lot];
    return w < 0 ? null : wardName(w);
  }

  private String wardName(int w) {
    return c.geo.wards.get(w).spec().name();
  }

  private void point(CopyRow row, int lot) throws IOException {
    Ewkt.point(row, c.lots.cx[lot], c.lots.cy[lot]);
    row.end();
  }
}
