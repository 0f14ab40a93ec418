import {
  buildModuleUrl, CesiumWidget, EllipsoidTerrainProvider, ImageryLayer, TileMapServiceImageryProvider,
} from './cesium.js';

/**
 * Creates the globe, fully offline: the base layer is Natural Earth II bundled with Cesium (levels 0–2 only, so
 * the city itself comes from our WMS), the ellipsoid has no terrain, and nothing touches Cesium ion (CesiumWidget
 * has no base-layer picker or geocoder; its defaults that would call ion are all replaced here).
 *
 * Renders on demand (requestRenderMode): Cesium requests frames when tiles arrive or the camera moves, and UI code
 * calls scene.requestRender() after changing the scene. That saves battery on phones and CPU under SwiftShader.
 *
 * @param {HTMLElement} container
 * @param {{lite: boolean}} options lite: the test mode, no MSAA/FXAA, atmosphere, fog, sky box, sun, moon, shadows
 * @returns {Promise<CesiumWidget>} once the base layer is ready
 * @throws when WebGL is unavailable or the bundled base layer cannot be read
 */
export async function createGlobe(container, { lite }) {
  const naturalEarth = await TileMapServiceImageryProvider.fromUrl(
    buildModuleUrl('Assets/Textures/NaturalEarthII'));
  const widget = new CesiumWidget(container, {
    baseLayer: new ImageryLayer(naturalEarth),
    terrainProvider: new EllipsoidTerrainProvider(),
    // false removes the sky box together with the sun and the moon
    skyBox: lite ? false : undefined,
    skyAtmosphere: lite ? false : undefined,
    msaaSamples: lite ? 1 : 4,
    shadows: !lite,
    requestRenderMode: true,
    maximumRenderTimeChange: Infinity,
    showRenderLoopErrors: false,
  });
  const scene = widget.scene;
  scene.postProcessStages.fxaa.enabled = !lite;
  scene.fog.enabled = !lite;
  scene.globe.showGroundAtmosphere = !lite;
  scene.globe.enableLighting = !lite;
  scene.globe.depthTestAgainstTerrain = true;
  // Keep the camera above the ground and within a sensible distance of the city.
  scene.screenSpaceCameraController.minimumZoomDistance = 20;
  return widget;
}
