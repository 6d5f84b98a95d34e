/**
 * Lets node require the TypeScript sources, as jest does: each .ts file is compiled by swc as it is
 * required. Used by the loaders that run the sources outside jest's own module system (a worker thread:
 * document-worker.js; a child process: cli-bin.js). `npm run build` compiles them to dist/ instead.
 */
const fs = require('node:fs');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

Module._extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    module: { type: 'commonjs' },
    jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
  });
  module._compile(code, filename);
};
