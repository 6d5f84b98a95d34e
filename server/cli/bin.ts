#!/usr/bin/env node
/**
 * The `accession-assistant` command (package.json "bin": dist/server/cli/bin.js): runs main.ts with the
 * process's arguments and streams, and exits with its code (main.ts, EXIT). An unexpected fault is
 * reported on stderr and exits 70 (sysexits' EX_SOFTWARE), apart from the documented codes.
 */
import { main } from './main';

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 70;
  },
);
