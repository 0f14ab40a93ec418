package vn.citytwin.filter;

import java.util.Objects;

/** A DWithin/Beyond distance: a finite, non-negative value in {@code unit}. */
public record Distance(double value, DistanceUnit unit) {
  public Distance {
    Objects.requireNonNull(unit, "unit");
    if (!Double.isFinite(value) || value < 0) {
      throw new IllegalArgumentException("distance must be finite and >= 0");
    }
  }

  /** The distance in metres; only for linear units. */
  public double metres() {
    if (unit.isAngular()) {
      throw new IllegalStateException("angular distance has no metres");
    }
    return value * unit.metres();
  }
}
