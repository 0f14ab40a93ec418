/** Live sensor data: committed observations and alerts on the Vert.x event bus, pushed to WebSocket/SSE clients. */
package vn.citytwin.sensors.live;
