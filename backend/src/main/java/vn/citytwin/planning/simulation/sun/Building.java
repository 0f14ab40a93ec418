package vn.citytwin.planning.simulation.sun;

import org.locationtech.jts.geom.Polygon;

/**
 * A building as the shadow model sees it: an extruded footprint standing on flat ground.
 *
 * @param id the feature id
 * @param footprint the footprint in a {@link LocalPlane} (metres)
 * @param heightM height above ground, metres (positive)
 */
public record Building(long id, Polygon footprint, double heightM) {}
