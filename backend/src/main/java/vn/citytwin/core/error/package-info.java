/** The error family shared by every protocol: a kind, a protocol code, a locator and a client-safe message. */
package vn.citytwin.core.error;
