/** MQTT: ingest from the broker (acknowledged after commit) and publication of committed observations. */
package vn.citytwin.sensors.ingest;
