/** Threshold and stale alerts: raised from committed observations, kept in a history, acknowledged by operators. */
package vn.citytwin.sensors.alerts;
