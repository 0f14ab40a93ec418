/**
 * Feature edits of a scenario: an adapter of the edit model ({@code vn.citytwin.edit}) — GeoJSON in, checked by its
 * validator, row check and city boundary, stored as complete states in {@code planning.edit}; diffs.
 */
package vn.citytwin.planning.edits;
