/** Accessibility: service areas of facilities along the road network (pgRouting) and the population covered. */
package vn.citytwin.planning.simulation.access;
