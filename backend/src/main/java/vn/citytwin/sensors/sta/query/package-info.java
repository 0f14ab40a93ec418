/** SensorThings query options: {@code $filter} as a typed tree compiled to bound SQL, {@code $orderby}, {@code $select}, {@code $expand}. */
package vn.citytwin.sensors.sta.query;
