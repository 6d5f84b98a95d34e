/**
 * The document worker for tests: jest runs the TypeScript sources, which a worker thread cannot load
 * by itself. This loader compiles each .ts file with swc (as jest does) as it is required, then hands
 * piscina the worker (server/documents/worker.ts). In production the pool loads dist/'s worker.js.
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

module.exports = require(path.join(__dirname, '..', '..', 'server', 'documents', 'worker.ts')).default;
