/** OGC API – Features at /ogc, and the feature streaming engine (cursor → encoder → back-pressured response) WFS shares. */
package vn.citytwin.ogc.features;
