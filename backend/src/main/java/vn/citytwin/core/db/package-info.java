/** The PostGIS store: pool, migrations, worker-pool execution, SQLSTATE translation and identifier quoting. */
package vn.citytwin.core.db;
