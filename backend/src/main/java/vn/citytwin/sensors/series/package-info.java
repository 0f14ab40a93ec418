/** Time aggregation of one datastream's observations into fixed buckets, computed in SQL. */
package vn.citytwin.sensors.series;
