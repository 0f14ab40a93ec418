/** GetLegendGraphic-like legends: one row per rule, a sample icon and the rule's title. */
package vn.citytwin.render.legend;
