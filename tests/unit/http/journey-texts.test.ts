/**
 * Every text the journey's definitions (server/http/journey.ts) ask for exists in every language, as a
 * string: a missing key shows its name on the page, and a key that holds an object (a page title that
 * shares its name with a field) shows i18next's "returned an object instead of string".
 */
import { loadParticipation } from '../../../server/catalogue';
import { SECTION_IDS } from '../../../server/domain/draft';
import { parsePackage } from '../../../server/domain/validate';
import type { Package } from '../../../server/domain/package';
import { createI18n, SUPPORTED_LANGUAGES } from '../../../server/i18n';
import { PATHS } from '../../../server/paths';
import {
  authorityFields,
  declarationFields,
  PAGES,
  SECTIONS,
  type PageContext,
} from '../../../server/http/journey/definitions';

const i18n = createI18n(PATHS.locales);
const participation = loadParticipation(PATHS.participationData);

function pkg(input: unknown): Package {
  const parsed = parsePackage(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.pkg;
}

const all = ['untoc', 'tip', 'som', 'fp'].map((treaty) => ({ treaty, instrument: 'accession' }));
const SAMPLES: Record<string, Package> = {
  'a State joining all four, signer needing full powers, extradition conditional on a treaty': pkg({
    party: { kind: 'state', code: 'BT' },
    treaties: all,
    signatory: { office: 'other' },
    extradition: { conditionalOnTreaty: true },
  }),
  'the European Union': pkg({ party: { kind: 'reio', code: 'EU' }, treaties: all }),
  'a State joining one Protocol only': pkg({
    party: { kind: 'state', code: 'TH' },
    treaties: [{ treaty: 'som', instrument: 'ratification' }],
  }),
};

function looksBroken(text: string | undefined): boolean {
  return (
    text === undefined ||
    text === '' ||
    text.includes('returned an object') ||
    /^pages\./.test(text) ||
    text.includes('{{')
  );
}

describe.each(SUPPORTED_LANGUAGES)('journey texts in %s', (lng) => {
  const t = i18n.t(lng);
  const ctx: PageContext = { t, lng, participation };

  test('every section has a name, and the sections are the draft format’s list', () => {
    expect(SECTIONS.map((s) => s.id)).toEqual([...SECTION_IDS]);
    for (const s of SECTIONS) expect([s.id, looksBroken(t(`pages.sections.${s.id}`))]).toEqual([s.id, false]);
  });

  test('a section that can be absent says why, in words', () => {
    for (const p of Object.values(SAMPLES)) {
      for (const s of SECTIONS.filter((x) => !x.applies(p))) {
        expect([s.id, s.absentBecause !== undefined]).toEqual([s.id, true]);
        expect([s.id, looksBroken(t(`pages.notApplicable.${s.absentBecause!}`))]).toEqual([s.id, false]);
      }
    }
  });

  test.each(Object.entries(SAMPLES))(
    'every page that applies, for %s, has its title, labels and options',
    (_name, p) => {
      for (const page of PAGES.filter((x) => x.applies(p))) {
        const fields = page.fields(p, ctx);
        if (!(page.single && fields.length === 1)) {
          expect([page.id, t(`pages.q.${page.id}.title`)]).toEqual([page.id, expect.any(String)]);
          expect([page.id, looksBroken(t(`pages.q.${page.id}.title`))]).toEqual([page.id, false]);
        }
        for (const f of [
          ...fields,
          ...authorityFields(p, ['authorities', 0], ctx),
          ...declarationFields(p, ['declarations', 0], ctx),
        ]) {
          expect([page.id, f.name, looksBroken(f.label)]).toEqual([page.id, f.name, false]);
          if (f.hint !== undefined)
            expect([page.id, f.name, looksBroken(f.hint)]).toEqual([page.id, f.name, false]);
          for (const o of f.options ?? [])
            expect([page.id, f.name, o.value, looksBroken(o.label)]).toEqual([
              page.id,
              f.name,
              o.value,
              false,
            ]);
        }
      }
    },
  );
});
