/**
 * The command line as a real process for tests: jest runs the TypeScript sources, which node cannot load
 * by itself, so this loader compiles each .ts file with swc (as jest and document-worker.js do) as it is
 * required, then runs server/cli/bin.ts with the process's arguments. `npm run build` makes the same
 * thing as dist/server/cli/bin.js (package.json "bin").
 */
const path = require('node:path');
require('./swc-require.js');

require(path.join(__dirname, '..', '..', 'server', 'cli', 'bin.ts'));
