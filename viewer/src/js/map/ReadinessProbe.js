/**
 * Tells when the globe has rendered: the caller's preconditions are met (base layer ready, catalogue settled) and
 * scene.globe.tilesLoaded has held for `frames` consecutive rendered frames. In requestRenderMode nothing renders
 * unless asked, so the probe keeps requesting frames until then.
 */
export class ReadinessProbe {
  /**
   * @param {import('./cesium.js').Scene} scene
   * @param {{frames?: number, intervalMs?: number, onReady: () => void}} options
   */
  constructor(scene, { frames = 5, intervalMs = 50, onReady }) {
    this._scene = scene;
    this._frames = frames;
    this._onReady = onReady;
    this._count = 0;
    this._armed = false;
    this._done = false;
    this._removeListener = scene.postRender.addEventListener(() => this._afterFrame());
    this._timer = setInterval(() => scene.requestRender(), intervalMs);
  }

  /** Starts counting frames; before this call frames do not count (preconditions not met yet). */
  arm() {
    this._armed = true;
    this._count = 0;
  }

  _afterFrame() {
    if (this._done || !this._armed) {
      return;
    }
    this._count = this._scene.globe.tilesLoaded ? this._count + 1 : 0;
    if (this._count >= this._frames) {
      this._done = true;
      clearInterval(this._timer);
      this._removeListener();
      this._onReady();
    }
  }
}
