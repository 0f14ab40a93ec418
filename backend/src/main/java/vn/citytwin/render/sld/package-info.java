/** Namespace-aware, XXE-safe reader of SLD 1.0.0 and SE 1.1 (SLD 1.1.0) documents into the style model. */
package vn.citytwin.render.sld;
