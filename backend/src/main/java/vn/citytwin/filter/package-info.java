/** One filter AST for WMS, WFS and OGC API Features: CQL2/ECQL text and FES/FE XML in, bound-parameter SQL and in-memory evaluation out. */
package vn.citytwin.filter;
