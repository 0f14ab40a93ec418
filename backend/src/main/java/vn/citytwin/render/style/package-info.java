/** Immutable model of a parsed SLD/SE style: rules, symbolizers and the expressions they evaluate per feature. */
package vn.citytwin.render.style;
