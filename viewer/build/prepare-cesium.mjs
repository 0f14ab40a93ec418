// Run by the Maven build (exec-maven-plugin, generate-resources) with the machine's node:
//   node build/prepare-cesium.mjs <output directory>
//
// 1. Installs CesiumJS from the npm registry with `npm ci --no-audit --no-fund`, unless node_modules already holds
//    exactly what package-lock.json pins (npm's hidden lockfile node_modules/.package-lock.json lists what is
//    installed): a rebuild then costs nothing.
// 2. Writes a CSP-safe copy of Build/Cesium/index.js (the ES-module bundle) to <output directory>/index.js.
//    The bundle embeds Knockout (for the Viewer widgets, which we do not use), and Knockout finds the global object
//    with `(0,eval)("this")` while the module loads; under a Content-Security-Policy without 'unsafe-eval' that
//    throws and the whole import fails (CesiumGS/cesium#13617, #2677). The patch replaces that one expression with
//    `globalThis`. The patch must match exactly once, so an upgrade that changes the bundle fails the build here
//    instead of breaking the page.
// The rest of Build/Cesium (Assets, Workers, ThirdParty, Widgets) is copied by maven-resources-plugin.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const moduleDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = process.argv[2];
if (!outDir) {
  fail('usage: node build/prepare-cesium.mjs <output directory>');
}

installIfStale();
writePatchedBundle(resolve(outDir));

function installIfStale() {
  const lockFile = join(moduleDir, 'package-lock.json');
  const installedFile = join(moduleDir, 'node_modules', '.package-lock.json');
  if (existsSync(installedFile) && samePackages(readJson(lockFile), readJson(installedFile))) {
    log('node_modules matches package-lock.json; npm ci skipped');
    return;
  }
  log('running npm ci --no-audit --no-fund');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: moduleDir, stdio: 'inherit' });
  if (result.error) {
    fail(`cannot run npm (is Node.js with npm installed? scripts/setup.sh installs it): ${result.error.message}`);
  }
  if (result.status !== 0) {
    fail(`npm ci failed with exit code ${result.status}`);
  }
}

/** True when every package the lockfile pins is installed at that version and integrity, and nothing else. */
function samePackages(lock, installed) {
  const wanted = Object.entries(lock.packages ?? {}).filter(([path]) => path !== '');
  const have = installed.packages ?? {};
  if (wanted.length !== Object.keys(have).length) {
    return false;
  }
  return wanted.every(([path, p]) => have[path] && have[path].version === p.version
    && have[path].integrity === p.integrity);
}

function writePatchedBundle(dir) {
  const source = join(moduleDir, 'node_modules', 'cesium', 'Build', 'Cesium', 'index.js');
  const target = join(dir, 'index.js');
  if (!existsSync(source)) {
    fail(`${source} is missing after npm ci`);
  }
  if (existsSync(target) && statSync(target).mtimeMs >= statSync(source).mtimeMs
      && statSync(target).mtimeMs >= statSync(fileURLToPath(import.meta.url)).mtimeMs) {
    log('patched Cesium bundle is up to date');
    return;
  }
  const text = readFileSync(source, 'utf8');
  const needle = '(0,eval)("this")';
  const count = text.split(needle).length - 1;
  if (count !== 1) {
    fail(`expected the Knockout global lookup ${needle} exactly once in ${source}, found ${count}; `
      + 'review the CSP patch for this Cesium version');
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(target, text.replace(needle, 'globalThis'));
  log(`wrote ${target}`);
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function log(message) {
  console.log(`[prepare-cesium] ${message}`);
}

function fail(message) {
  console.error(`[prepare-cesium] ERROR: ${message}`);
  process.exit(1);
}
