/** HTTP plumbing shared by every protocol: request ids, JSON errors, OGC KVP parameters, ETags, mounting. */
package vn.citytwin.core.http;
