/** The small shared core: configuration, database, errors. Imports nothing of ours above it. */
package vn.citytwin.core;
