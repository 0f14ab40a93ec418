/** The composition root: CLI, HTTP server, wiring of every capability. The only package that knows them all. */
package vn.citytwin.app;
