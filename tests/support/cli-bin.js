/**
 * The command line as a real process for tests: jest runs the TypeScript sources, which node cannot load
 * by itself, so this loader compiles each .ts file with swc (as jest and document-worker.js do) as it is
 * required, then runs server/cli/bin.ts with the process's arguments. `npm run build` makes the same
 * thing as dist/server/cli/bin.js (package.json "bin").
 */
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const { transformSync } = require('@swc/core');

Module._extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    module: { type: 'commonjs' },
    jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
  });
  module._compile(code, filename);
};

require(path.join(__dirname, '..', '..', 'server', 'cli', 'bin.ts'));
