/**
 * The 3D Tiles style (Cesium 3D Tiles Styling language, as JSON) used when the server has no
 * `/styles/buildings-3d.json`: buildings coloured by use, new and modified buildings of a scenario highlighted.
 * Colours are CSS colour strings.
 */
export const DEFAULT_BUILDING_STYLE = Object.freeze({
  color: {
    conditions: [
      ["${scenario_status} === 'add'", "color('#2a9d8f')"],
      ["${scenario_status} === 'modify'", "color('#f4a261')"],
      ["${use_type} === 'hotel'", "color('#e9c46a')"],
      ["${use_type} === 'commercial' || ${use_type} === 'shophouse'", "color('#e76f51')"],
      ["${use_type} === 'office'", "color('#8ab6d6')"],
      ["${use_type} === 'villa'", "color('#f1e3c8')"],
      ["${use_type} === 'public' || ${use_type} === 'school' || ${use_type} === 'hospital'", "color('#b5a8d5')"],
      ['true', "color('#ddd6c8')"],
    ],
  },
});
