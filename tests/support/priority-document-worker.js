/**
 * The test document worker, asked for its thread's CPU priority instead of a document: it loads the real
 * worker (server/documents/worker.ts, which sets the priority as it loads), then answers each request with
 * a "file" of one byte, the thread's nice value (os.getPriority(0): on Linux, the calling thread's).
 */
const os = require('node:os');
require('./document-worker.js');

module.exports = function priority() {
  return {
    kind: 'rendered',
    name: 'priority',
    type: 'application/octet-stream',
    bytes: new Uint8Array([os.getPriority(0)]),
  };
};
