/** Typed configuration: defaults, an optional properties file, CITYTWIN_* environment variables. */
package vn.citytwin.core.config;
