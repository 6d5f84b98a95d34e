/**
 * An integrator's typed client, as the OpenAPI tests build it: openapi-typescript generates api.ts from
 * the served document, and tsc, strict as an integrator's project would be, checks a client using it
 * (and, with emit, compiles it to out/ to be run against the real app).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PATHS } from '../../server/paths';

const bin = (name: string) => path.join(PATHS.root, 'node_modules', '.bin', name);

/** tsc on the generated api.ts and `files` of `dir`: compiled to dir/out, or only checked (`emit: false`). */
export function tsc(dir: string, files: readonly string[], options: { emit: boolean }): void {
  execFileSync(
    bin('tsc'),
    [
      '--strict',
      '--target',
      'es2022',
      '--module',
      'commonjs',
      '--types',
      'node',
      '--typeRoots',
      path.join(PATHS.root, 'node_modules', '@types'),
      '--skipLibCheck',
      ...(options.emit ? ['--outDir', path.join(dir, 'out')] : ['--noEmit']),
      path.join(dir, 'api.ts'),
      ...files.map((file) => path.join(dir, file)),
    ],
    { stdio: 'pipe' },
  );
}

/**
 * Generate api.ts in `dir` from `document` (the served OpenAPI document), write `client` as client.ts
 * and compile both to dir/out (client.js). Throws with tsc's output when the client does not type-check.
 */
export function buildTypedClient(dir: string, document: unknown, client: string): void {
  fs.writeFileSync(path.join(dir, 'openapi.json'), JSON.stringify(document));
  execFileSync(bin('openapi-typescript'), [path.join(dir, 'openapi.json'), '-o', path.join(dir, 'api.ts')], {
    stdio: 'pipe',
  });
  fs.writeFileSync(path.join(dir, 'client.ts'), client);
  tsc(dir, ['client.ts'], { emit: true });
}
