/** 3D Tiles 1.1 for buildings: extruded footprints → glb (EXT_mesh_features, EXT_structural_metadata) and tileset.json. */
package vn.citytwin.tiles3d;
