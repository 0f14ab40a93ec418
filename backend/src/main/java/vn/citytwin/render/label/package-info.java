/** Label layout (point and line placement), font choice with Vietnamese coverage and conflict resolution. */
package vn.citytwin.render.label;
