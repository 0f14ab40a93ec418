/** The one read path: LayerQuery (scenario, bbox, filter, time, properties, order, page) to parameterised SQL. */
package vn.citytwin.query;
