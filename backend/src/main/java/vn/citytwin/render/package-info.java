/** Java2D map renderer for WMS GetMap: draws features with parsed SLD styles, places labels last, over all layers. */
package vn.citytwin.render;
