/** Image encoders for map responses: 32-bit PNG, paletted 8-bit PNG with transparency, and JPEG. */
package vn.citytwin.render.encode;
