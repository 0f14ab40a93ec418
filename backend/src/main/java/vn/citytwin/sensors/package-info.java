/**
 * Sensors: the SensorThings data model's store (schema {@code sensor}) and the one way observations get in
 * ({@link vn.citytwin.sensors.ObservationStore}), shared by the HTTP API ({@code sensors.sta}) and MQTT ingest.
 */
package vn.citytwin.sensors;
