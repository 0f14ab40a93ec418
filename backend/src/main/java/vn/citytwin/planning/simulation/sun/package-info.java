/** Solar position (NOAA/Meeus), building shadows on flat ground and hours of direct sun over an area. */
package vn.citytwin.planning.simulation.sun;
