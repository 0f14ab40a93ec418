/** Planning scenarios: their metadata, lifecycle (create, update, duplicate, delete) and storage. */
package vn.citytwin.planning.scenarios;
