/** Point graphics: well-known marks, PNG icons and a small SVG subset, drawn at a pixel position. */
package vn.citytwin.render.graphic;
