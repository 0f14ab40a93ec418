/** OGC SensorThings API 1.1 over HTTP at {@code /sta/v1.1}: resource paths, query options, create/update/delete. */
package vn.citytwin.sensors.sta;
