/**
 * The law is data (issue 11): no treaty id and no requirement or designation id is written in server/
 * outside the catalogue. The rules, the checklist, the notifications builder and the journey read the
 * catalogue (treaties.ts, requirements.ts, designations.ts, answers.ts) instead, so that the law changes
 * in one place.
 *
 * What counts: a string literal ('…', "…" or `…` with nothing interpolated) whose whole value is such an
 * id. Comments may cite articles in words ("UNTOC 18(13)"); a locale key that contains an id as one of
 * its parts (pages.notApplicable.untoc) is a key, not an id.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DESIGNATION_IDS, REQUIREMENT_IDS, TREATY_IDS } from '../../../server/catalogue';

const SERVER = path.join(__dirname, '..', '..', '..', 'server');
const CATALOGUE = path.join(SERVER, 'catalogue');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return full === CATALOGUE ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Block and line comments removed, keeping line numbers (a comment becomes spaces). */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (comment) => comment.replace(/[^\n]/g, ' '));
}

const IDS = new Set<string>([...TREATY_IDS, ...REQUIREMENT_IDS, ...DESIGNATION_IDS]);
const LITERAL = /'([^'\\\n]*)'|"([^"\\\n]*)"|`([^`\\$\n]*)`/g;

function literalIds(file: string): string[] {
  const lines = withoutComments(fs.readFileSync(file, 'utf8')).split('\n');
  return lines.flatMap((line, i) =>
    [...line.matchAll(LITERAL)]
      .map((m) => m[1] ?? m[2] ?? m[3] ?? '')
      .filter((value) => IDS.has(value))
      .map((value) => `${path.relative(SERVER, file)}:${i + 1}: '${value}'`),
  );
}

describe('the law as data', () => {
  const files = sourceFiles(SERVER);

  it('scans the server code outside the catalogue', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.some((f) => f.startsWith(CATALOGUE))).toBe(false);
    expect(IDS.has('untoc')).toBe(true);
    expect(IDS.has('som-8-6')).toBe(true);
  });

  it('finds an id written in code (the scan itself can fail)', () => {
    const probe = path.join(__dirname, 'law-as-data.probe.tmp.ts');
    fs.writeFileSync(
      probe,
      "// 'untoc' in a comment is fine\nconst t = 'som-8-6';\nconst k = 'pages.untoc';\n",
    );
    try {
      expect(literalIds(probe)).toEqual([`${path.relative(SERVER, probe)}:2: 'som-8-6'`]);
    } finally {
      fs.rmSync(probe);
    }
  });

  it('writes no treaty, requirement or designation id in server/ outside the catalogue', () => {
    expect(files.flatMap(literalIds)).toEqual([]);
  });
});
