// Validates one glTF/glb file with the Khronos glTF validator and prints the report as JSON on stdout.
// Usage: node validate.mjs <path>   Exit code: 0 when the report was produced (errors are in the report),
// 2 on bad usage or when the validator could not read the file.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import * as validator from 'gltf-validator';

const path = process.argv[2];
if (!path) {
  console.error('usage: node validate.mjs <file.glb>');
  process.exit(2);
}
try {
  const bytes = new Uint8Array(await readFile(path));
  const report = await validator.validateBytes(bytes, { uri: basename(path), maxIssues: 1000 });
  console.log(JSON.stringify(report));
} catch (e) {
  console.error(`validation failed: ${e}`);
  process.exit(2);
}
