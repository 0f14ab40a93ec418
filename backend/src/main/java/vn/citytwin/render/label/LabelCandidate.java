package vn.citytwin.render.label;

import java.util.List;

/**
 * A label waiting for placement. Point candidates carry their anchor and displacement; line candidates their
 * pixel polylines.
 *
 * @param text NFC-normalised, non-empty
 * @param priority higher is placed first
 * @param order collection order (layer order, then feature order): ties of priority keep it
 * @param groupKey non-null when features with the same key are merged into one label
 * @param point for point placement: x, y, anchorX, anchorY, displacementX (px, right), displacementY (px, up),
 *     rotation (degrees clockwise); null for line placement
 * @param lines for line placement: pixel polylines {x0,y0,x1,y1,...}; null for point placement
 * @param lineOffset for line placement: pixels above the line (perpendicular offset)
 */
record LabelCandidate(String text, LabelStyle style, double priority, int order, Object groupKey, double[] point,
    List<double[]> lines, double lineOffset) {

  boolean isLine() {
    return lines != null;
  }
}
