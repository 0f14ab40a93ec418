/** Planning indicators of a scenario's city (floor area, density, residents, jobs, green space, access, height). */
package vn.citytwin.planning.indicators;
