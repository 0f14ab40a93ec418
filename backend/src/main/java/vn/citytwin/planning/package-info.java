/**
 * The planning API: scenarios and their edits, indicators, comparisons and reports, over the scenario overlay. Every
 * read of a city layer goes through the one read path ({@code query.FeatureSql.source} of a {@code LayerQuery});
 * the few reads that are not layer reads say so in their Javadoc.
 */
package vn.citytwin.planning;
