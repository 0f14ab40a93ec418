/** The sensor simulator: realistic feeds for the demo stations over HTTP or MQTT. */
package vn.citytwin.sensors.sim;
