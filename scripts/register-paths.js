// Resolves the `@app/<lib>` aliases of compiled code (dist/) without a runtime dependency:
// `@app/platform` → dist/libs/platform/src, `@app/platform/x` → dist/libs/platform/src/x.
// Used as `node -r ./scripts/register-paths.js dist/apps/<app>/src/main.js`.
'use strict';
const Module = require('node:module');
const path = require('node:path');

const dist = path.resolve(__dirname, '..', 'dist');
const original = Module._resolveFilename;

Module._resolveFilename = function resolveAppAlias(request, ...rest) {
  const match = /^@app\/([a-z-]+)(\/.*)?$/.exec(request);
  if (match) request = path.join(dist, 'libs', match[1], 'src', match[2] ?? '');
  return original.call(this, request, ...rest);
};
