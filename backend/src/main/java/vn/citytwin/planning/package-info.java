/** The planning API: scenarios and their edits, indicators, comparisons and reports, over the scenario overlay. */
package vn.citytwin.planning;
