/** Side-by-side comparison of two cities' indicators, with CSV and one-page HTML reports. */
package vn.citytwin.planning.compare;
