/**
 * The test document worker made slow: each job waits `SLOW_MS` before rendering, so that a test can fill
 * the pool and its queue and see the next request refused (503) while a page is still answered.
 */
const { setTimeout: delay } = require('node:timers/promises');
const render = require('./document-worker.js');

const SLOW_MS = 800;

module.exports = async function slowRender(job) {
  await delay(SLOW_MS);
  return render(job);
};
