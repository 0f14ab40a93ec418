package vn.citytwin.render.paint;

import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.EnumMap;
import java.util.Map;
import vn.citytwin.render.style.WellKnownMark;

/** Well-known mark outlines, 1 unit tall, centred on the origin, pixel axes (y down). */
public final class Marks {
  private static final Map<WellKnownMark, Shape> SHAPES = build();

  private Marks() {
  }

  /** The unit outline; callers scale it and must not modify it (Java2D shapes here are not shared mutable). */
  public static Shape unitShape(WellKnownMark mark) {
    return SHAPES.get(mark);
  }

  private static Map<WellKnownMark, Shape> build() {
    Map<WellKnownMark, Shape> m = new EnumMap<>(WellKnownMark.class);
    m.put(WellKnownMark.SQUARE, new Rectangle2D.Double(-0.5, -0.5, 1, 1));
    m.put(WellKnownMark.CIRCLE, new Ellipse2D.Double(-0.5, -0.5, 1, 1));
    Path2D.Double tri = new Path2D.Double();
    tri.moveTo(0, -0.5);
    tri.lineTo(0.5, 0.5);
    tri.lineTo(-0.5, 0.5);
    tri.closePath();
    m.put(WellKnownMark.TRIANGLE, tri);
    Path2D.Double star = new Path2D.Double();
    double inner = 0.5 * 0.381966; // golden-ratio inner radius: the classic five-point star
    for (int i = 0; i < 10; i++) {
      double r = i % 2 == 0 ? 0.5 : inner;
      double a = -Math.PI / 2 + i * Math.PI / 5;
      double x = r * Math.cos(a);
      double y = r * Math.sin(a) + 0.05; // the star's visual centre sits a little below its outer circle's centre
      if (i == 0) {
        star.moveTo(x, y);
      } else {
        star.lineTo(x, y);
      }
    }
    star.closePath();
    m.put(WellKnownMark.STAR, star);
    double t = 0.125; // half the arm thickness
    Path2D.Double cross = new Path2D.Double();
    cross.moveTo(-t, -0.5);
    cross.lineTo(t, -0.5);
    cross.lineTo(t, -t);
    cross.lineTo(0.5, -t);
    cross.lineTo(0.5, t);
    cross.lineTo(t, t);
    cross.lineTo(t, 0.5);
    cross.lineTo(-t, 0.5);
    cross.lineTo(-t, t);
    cross.lineTo(-0.5, t);
    cross.lineTo(-0.5, -t);
    cross.lineTo(-t, -t);
    cross.closePath();
    m.put(WellKnownMark.CROSS, cross);
    // x: the cross turned 45 degrees and grown so its arms still reach the unit box's corners region
    AffineTransform rot = AffineTransform.getRotateInstance(Math.PI / 4);
    rot.scale(Math.sqrt(2), Math.sqrt(2));
    m.put(WellKnownMark.X, rot.createTransformedShape(cross));
    return m;
  }
}
