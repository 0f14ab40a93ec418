/** The layer registry: discovery from pg_catalog, catalog metadata, data versions and per-version stats. */
package vn.citytwin.catalog;
