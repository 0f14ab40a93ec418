package vn.citytwin.render.graphic;

import java.awt.geom.Path2D;
import java.awt.geom.Point2D;

/**
 * Parses SVG path data ({@code d}) into a Path2D: M L H V C S Q T A Z, absolute and relative. Arcs become short
 * line segments, fine at icon sizes. A malformed tail ends the path where it broke (as SVG renderers do).
 */
final class SvgPathParser {
  private final String d;
  private int pos;

  private SvgPathParser(String d) {
    this.d = d;
  }

  static Path2D.Double parse(String d) {
    return new SvgPathParser(d).run();
  }

  private Path2D.Double run() {
    Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO);
    double x = 0;
    double y = 0;
    double startX = 0;
    double startY = 0;
    double ctrlX = 0;
    double ctrlY = 0;
    char prev = ' ';
    char cmd = ' ';
    boolean open = false;
    try {
      while (true) {
        skipSeparators();
        if (pos >= d.length()) {
          break;
        }
        char c = d.charAt(pos);
        if (Character.isLetter(c) && c != 'e' && c != 'E') {
          cmd = c;
          pos++;
        } else if (cmd == ' ') {
          break; // numbers before any command
        } else if (cmd == 'M') {
          cmd = 'L'; // implicit lineto after moveto
        } else if (cmd == 'm') {
          cmd = 'l';
        } else if (cmd == 'Z' || cmd == 'z') {
          break;
        }
        boolean rel = Character.isLowerCase(cmd);
        double ox = rel ? x : 0;
        double oy = rel ? y : 0;
        switch (Character.toUpperCase(cmd)) {
          case 'M' -> {
            x = ox + number();
            y = oy + number();
            path.moveTo(x, y);
            startX = x;
            startY = y;
            open = true;
          }
          case 'L' -> {
            x = ox + number();
            y = oy + number();
            lineTo(path, x, y, open);
            open = true;
          }
          case 'H' -> {
            x = ox + number();
            lineTo(path, x, y, open);
            open = true;
          }
          case 'V' -> {
            y = oy + number();
            lineTo(path, x, y, open);
            open = true;
          }
          case 'C' -> {
            double x1 = ox + number();
            double y1 = oy + number();
            ctrlX = ox + number();
            ctrlY = oy + number();
            x = ox + number();
            y = oy + number();
            path.curveTo(x1, y1, ctrlX, ctrlY, x, y);
          }
          case 'S' -> {
            boolean smooth = "CcSs".indexOf(prev) >= 0;
            double x1 = smooth ? 2 * x - ctrlX : x;
            double y1 = smooth ? 2 * y - ctrlY : y;
            ctrlX = ox + number();
            ctrlY = oy + number();
            x = ox + number();
            y = oy + number();
            path.curveTo(x1, y1, ctrlX, ctrlY, x, y);
          }
          case 'Q' -> {
            ctrlX = ox + number();
            ctrlY = oy + number();
            x = ox + number();
            y = oy + number();
            path.quadTo(ctrlX, ctrlY, x, y);
          }
          case 'T' -> {
            boolean smooth = "QqTt".indexOf(prev) >= 0;
            ctrlX = smooth ? 2 * x - ctrlX : x;
            ctrlY = smooth ? 2 * y - ctrlY : y;
            x = ox + number();
            y = oy + number();
            path.quadTo(ctrlX, ctrlY, x, y);
          }
          case 'A' -> {
            double rx = Math.abs(number());
            double ry = Math.abs(number());
            double rot = number();
            boolean large = flag();
            boolean sweep = flag();
            double nx = ox + number();
            double ny = oy + number();
            arc(path, x, y, rx, ry, rot, large, sweep, nx, ny);
            x = nx;
            y = ny;
          }
          case 'Z' -> {
            path.closePath();
            x = startX;
            y = startY;
          }
          default -> throw new IllegalArgumentException("path command " + cmd);
        }
        prev = cmd;
      }
    } catch (IllegalArgumentException e) {
      // SVG error handling: render the path up to the error
    }
    return path;
  }

  private static void lineTo(Path2D.Double path, double x, double y, boolean open) {
    if (open) {
      path.lineTo(x, y);
    } else {
      path.moveTo(x, y);
    }
  }

  private void skipSeparators() {
    while (pos < d.length() && (Character.isWhitespace(d.charAt(pos)) || d.charAt(pos) == ',')) {
      pos++;
    }
  }

  private boolean flag() {
    skipSeparators();
    if (pos < d.length() && (d.charAt(pos) == '0' || d.charAt(pos) == '1')) {
      return d.charAt(pos++) == '1';
    }
    throw new IllegalArgumentException("flag expected");
  }

  private double number() {
    skipSeparators();
    int start = pos;
    if (pos < d.length() && (d.charAt(pos) == '-' || d.charAt(pos) == '+')) {
      pos++;
    }
    boolean dot = false;
    while (pos < d.length()) {
      char c = d.charAt(pos);
      if (Character.isDigit(c)) {
        pos++;
      } else if (c == '.' && !dot) {
        dot = true;
        pos++;
      } else if ((c == 'e' || c == 'E') && pos + 1 < d.length()
          && (Character.isDigit(d.charAt(pos + 1)) || d.charAt(pos + 1) == '-' || d.charAt(pos + 1) == '+')) {
        pos += 2;
        while (pos < d.length() && Character.isDigit(d.charAt(pos))) {
          pos++;
        }
        break;
      } else {
        break;
      }
    }
    if (start == pos) {
      throw new IllegalArgumentException("number expected");
    }
    return Double.parseDouble(d.substring(start, pos));
  }

  /** Endpoint-parameterised elliptical arc (SVG 1.1 appendix F.6) approximated by line segments. */
  private static void arc(Path2D.Double path, double x1, double y1, double rx, double ry, double rotDeg,
      boolean large, boolean sweep, double x2, double y2) {
    if (rx == 0 || ry == 0 || (x1 == x2 && y1 == y2)) {
      path.lineTo(x2, y2);
      return;
    }
    double phi = Math.toRadians(rotDeg);
    double cos = Math.cos(phi);
    double sin = Math.sin(phi);
    double dx = (x1 - x2) / 2;
    double dy = (y1 - y2) / 2;
    double x1p = cos * dx + sin * dy;
    double y1p = -sin * dx + cos * dy;
    double lambda = (x1p * x1p) / (rx * rx) + (y1p * y1p) / (ry * ry);
    if (lambda > 1) {
      double s = Math.sqrt(lambda);
      rx *= s;
      ry *= s;
    }
    double num = rx * rx * ry * ry - rx * rx * y1p * y1p - ry * ry * x1p * x1p;
    double den = rx * rx * y1p * y1p + ry * ry * x1p * x1p;
    double coef = Math.sqrt(Math.max(0, num / den)) * (large == sweep ? -1 : 1);
    double cxp = coef * rx * y1p / ry;
    double cyp = -coef * ry * x1p / rx;
    double cx = cos * cxp - sin * cyp + (x1 + x2) / 2;
    double cy = sin * cxp + cos * cyp + (y1 + y2) / 2;
    double theta1 = angle(1, 0, (x1p - cxp) / rx, (y1p - cyp) / ry);
    double delta = angle((x1p - cxp) / rx, (y1p - cyp) / ry, (-x1p - cxp) / rx, (-y1p - cyp) / ry);
    if (!sweep && delta > 0) {
      delta -= 2 * Math.PI;
    } else if (sweep && delta < 0) {
      delta += 2 * Math.PI;
    }
    int steps = Math.max(4, (int) Math.ceil(Math.abs(delta) / (Math.PI / 24)));
    for (int i = 1; i <= steps; i++) {
      double t = theta1 + delta * i / steps;
      double ex = rx * Math.cos(t);
      double ey = ry * Math.sin(t);
      Point2D.Double p = new Point2D.Double(cos * ex - sin * ey + cx, sin * ex + cos * ey + cy);
      path.lineTo(i == steps ? x2 : p.x, i == steps ? y2 : p.y);
    }
  }

  private static double angle(double ux, double uy, double vx, double vy) {
    return Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
  }
}
