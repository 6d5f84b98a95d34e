/**
 * The notifications document reads its paragraphs from the catalogue (issue 11, "the law is data"): each
 * requirement with a `paragraph` prints one, laid out by the shape its `check` names, in the order the
 * catalogue gives; the documents layer names no treaty or designation id.
 */
import fs from 'node:fs';
import path from 'node:path';
import { NOTIFICATION_PARAGRAPHS } from '../../server/catalogue';
import { hasParagraphShape } from '../../server/documents/build-notifications';

describe('notification paragraphs as catalogue data', () => {
  it.each(NOTIFICATION_PARAGRAPHS.map((r) => [r.id, r.check] as const))(
    '%s has a layout for its paragraph (%s)',
    (_id, check) => {
      expect(hasParagraphShape(check)).toBe(true);
    },
  );

  it('names no treaty or designation id in server/documents', () => {
    const dir = path.join(__dirname, '../../server/documents');
    const found = fs
      .readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) =>
        fs
          .readFileSync(path.join(dir, f), 'utf8')
          .split('\n')
          .map((line, i) => ({ where: `${f}:${i + 1}`, line }))
          .filter(({ line }) => /'(untoc|tip|som|fp)(-[0-9a-z-]+)?'/.test(line)),
      );
    expect(found).toEqual([]);
  });
});
