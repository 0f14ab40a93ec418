/** Access control: identities, roles, credentials, layer and attribute rules, the audit log (docs/security.md). */
package vn.citytwin.access;
