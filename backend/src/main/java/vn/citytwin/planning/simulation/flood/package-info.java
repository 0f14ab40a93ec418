/** Sea-level rise and storm-surge flooding: hydraulically connected flood fill over the DEM and its exposure. */
package vn.citytwin.planning.simulation.flood;
