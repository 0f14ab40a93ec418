/** The scenario overlay: a scenario's city is its parent's city with its edits applied, as SQL. */
package vn.citytwin.scenario;
