/** Feature edits of a scenario: GeoJSON in, validated against the layer, stored as complete states; diffs. */
package vn.citytwin.planning.edits;
