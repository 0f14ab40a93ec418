/** World-to-pixel geometry conversion and the painting of polygon, line and point symbolizers. */
package vn.citytwin.render.paint;
