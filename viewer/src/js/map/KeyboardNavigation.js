import { Cartesian3, Ellipsoid, Math as CesiumMath } from './cesium.js';

/** How far one key press moves, as a share of the camera's height above the ground. */
const STEP = 0.15;
/** How far one key press turns, degrees. */
const TURN_DEG = 10;

/**
 * Moves the camera from the keyboard while the map has focus: arrows pan, + and − zoom, Page Up/Down tilt,
 * [ and ] turn. The map element gets tabindex 0 so Tab reaches it.
 */
export class KeyboardNavigation {
  /**
   * @param {HTMLElement} element the map container
   * @param {import('./cesium.js').Scene} scene
   */
  constructor(element, scene) {
    element.tabIndex = 0;
    element.addEventListener('keydown', (event) => {
      if (event.target !== element || event.altKey || event.ctrlKey || event.metaKey) {
        return;
      }
      if (this._move(scene.camera, event.key)) {
        event.preventDefault();
        scene.requestRender();
      }
    });
  }

  /** @returns {boolean} whether the key was a navigation key */
  _move(camera, key) {
    const height = Math.max(10, camera.positionCartographic.height);
    const step = height * STEP;
    switch (key) {
      case 'ArrowUp': camera.move(forward(camera), step); return true;
      case 'ArrowDown': camera.move(forward(camera), -step); return true;
      case 'ArrowLeft': camera.moveLeft(step); return true;
      case 'ArrowRight': camera.moveRight(step); return true;
      case '+': case '=': camera.zoomIn(step); return true;
      case '-': case '_': camera.zoomOut(step); return true;
      case 'PageUp': camera.lookUp(CesiumMath.toRadians(TURN_DEG / 2)); return true;
      case 'PageDown': camera.lookDown(CesiumMath.toRadians(TURN_DEG / 2)); return true;
      case '[': camera.lookLeft(CesiumMath.toRadians(TURN_DEG)); return true;
      case ']': camera.lookRight(CesiumMath.toRadians(TURN_DEG)); return true;
      default: return false;
    }
  }
}

/** Forward along the ground: the view direction (or, looking straight down, the camera's up) without its vertical part. */
function forward(camera) {
  const n = Ellipsoid.WGS84.geodeticSurfaceNormal(camera.positionWC, new Cartesian3());
  const horizontal = (v) => Cartesian3.subtract(v, Cartesian3.multiplyByScalar(n, Cartesian3.dot(v, n),
    new Cartesian3()), new Cartesian3());
  let d = horizontal(camera.direction);
  if (Cartesian3.magnitude(d) < 1e-3) {
    d = horizontal(camera.up);
  }
  return Cartesian3.normalize(d, d);
}
