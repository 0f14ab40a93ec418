// The one place that knows where CesiumJS is: the ES-module bundle the Maven build copies to /cesium/ (with its
// assets and workers beside it, so buildModuleUrl resolves there). Every other map/ module imports from here.
export * from '../../cesium/index.js';
