/**
 * Where the project's files are, found once from this file's location. The same code runs from
 * server/ (tests, through swc) and from dist/server/ (npm start), so the root is found by walking up to
 * the folder that holds package.json rather than by a fixed number of "..".
 */
import fs from 'node:fs';
import path from 'node:path';

function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${start}`);
    dir = parent;
  }
}

export const PROJECT_ROOT = findRoot(__dirname);

export const PATHS = {
  root: PROJECT_ROOT,
  participationData: path.join(PROJECT_ROOT, 'server', 'catalogue', 'data'),
  locales: path.join(PROJECT_ROOT, 'locales'),
  templates: path.join(PROJECT_ROOT, 'templates'),
  public: path.join(PROJECT_ROOT, 'public'),
  /** The OpenAPI document's examples, generated from the package fixtures (server/http/openapi-examples.ts). */
  openApiExamples: path.join(PROJECT_ROOT, 'openapi', 'examples.json'),
} as const;
