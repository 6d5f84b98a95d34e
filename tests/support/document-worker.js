/**
 * The document worker for tests: jest runs the TypeScript sources, which a worker thread cannot load
 * by itself. This loader compiles each .ts file with swc (as jest does) as it is required, then hands
 * piscina the worker (server/documents/worker.ts). In production the pool loads dist/'s worker.js.
 */
const path = require('node:path');
require('./swc-require.js');

module.exports = require(path.join(__dirname, '..', '..', 'server', 'documents', 'worker.ts')).default;
