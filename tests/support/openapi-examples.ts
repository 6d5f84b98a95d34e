/**
 * The OpenAPI document's examples (openapi/examples.json) come from the good package fixtures:
 * for each field, by its label key ("authorities/email"), the first value a fixture gives it (fixtures in
 * name order), skipping null and empty values; a list's example is its first element, as a list.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PATHS } from '../../server/paths';

const GOOD = path.join(PATHS.root, 'tests', 'fixtures', 'packages', 'good');

const isEmpty = (v: unknown) =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

export function fixtureExamples(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const visit = (value: unknown, key: string) => {
    if (isEmpty(value)) return;
    if (key !== '' && !(key in out)) out[key] = Array.isArray(value) ? [value[0]] : value;
    const items = Array.isArray(value) ? value : [value];
    for (const item of items)
      if (typeof item === 'object' && item !== null && !Array.isArray(item))
        for (const [k, v] of Object.entries(item)) visit(v, key === '' ? k : `${key}/${k}`);
  };
  for (const name of fs.readdirSync(GOOD).sort()) {
    const file = path.join(GOOD, name, 'package.json');
    if (fs.existsSync(file)) visit(JSON.parse(fs.readFileSync(file, 'utf8')) as unknown, '');
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The whole package the document shows as the Package example. */
export const PACKAGE_EXAMPLE_FIXTURE = 'bhutan-accedes-untoc-tip-som';

export function packageExample(): unknown {
  return JSON.parse(fs.readFileSync(path.join(GOOD, PACKAGE_EXAMPLE_FIXTURE, 'package.json'), 'utf8'));
}

/**
 * The text of openapi/examples.json as it should be: data (the fixtures' values, treaty and
 * requirement ids among them), not code, so the law-as-data scan of server/ has nothing to read in it.
 */
export function examplesFile(): string {
  return `${JSON.stringify({ fields: fixtureExamples(), package: packageExample() }, null, 2)}\n`;
}
