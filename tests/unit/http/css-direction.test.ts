/**
 * The stylesheets mirror with the page's direction: `<html dir="rtl">` is all it takes. Every side is
 * logical (margin-inline-start, padding-inline-end, border-inline-start, inset-inline, text-align: start),
 * so no declaration names left or right; and what is drawn rather than laid out (a rotated chevron, a
 * clip-path triangle, an arrow turned with scaleX) has its right-to-left counterpart under [dir='rtl'],
 * unless it points nowhere (the checkbox tick, the open details triangle), which is listed here with why.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PATHS } from '../../../server/paths';

interface Rule {
  readonly selector: string;
  readonly declarations: readonly { property: string; value: string }[];
}

/** The style rules of a stylesheet, at any depth (inside @media too); comments dropped. */
function rulesOf(css: string): Rule[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const rules: Rule[] = [];
  const preludes: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '{') {
      preludes.push(text.slice(start, i).trim());
      start = i + 1;
    } else if (c === '}') {
      const body = text.slice(start, i);
      const selector = preludes.pop() ?? '';
      if (!selector.startsWith('@') && body.includes(':')) {
        const declarations = body
          .split(';')
          .map((d) => d.trim())
          .filter(Boolean)
          .map((d) => {
            const colon = d.indexOf(':');
            return { property: d.slice(0, colon).trim(), value: d.slice(colon + 1).trim() };
          });
        for (const one of selector.split(',').map((s) => s.trim().replace(/\s+/g, ' ')))
          rules.push({ selector: one, declarations });
      }
      start = i + 1;
    } else if (c === ';' && preludes.length === 0) {
      start = i + 1;
    }
  }
  return rules;
}

const SHEETS = ['site.css', 'document.css'].map((name) => ({
  name,
  rules: rulesOf(fs.readFileSync(path.join(PATHS.root, 'public', 'css', name), 'utf8')),
}));

const RTL = /^\[dir='rtl'\] /;

/** Drawn shapes that are the same in both directions, and why. */
const NOT_MIRRORED: Readonly<Record<string, string>> = {
  '.checkboxes-label::after': 'the tick: two borders turned 45 degrees; a tick points nowhere',
  '.details[open] > .details-summary::before': 'the open triangle points down',
};

/** A shorthand of four sides (top, right, bottom, left) whose right and left differ. */
function asymmetric(property: string, value: string): boolean {
  if (!/^(margin|padding|inset|border-width|border-color|border-style)$/.test(property)) return false;
  const sides = value.split(/\s+(?![^(]*\))/);
  return sides.length === 4 && sides[1] !== sides[3];
}

function drawn(property: string, value: string): boolean {
  return (
    (property === 'transform' && /rotate|scaleX|translateX|translate\(|skew|matrix/.test(value)) ||
    (property === 'clip-path' && value.startsWith('polygon'))
  );
}

describe.each(SHEETS)('$name', ({ rules }) => {
  test('no declaration names a physical side', () => {
    const physical = rules.flatMap((r) =>
      r.declarations
        .filter(
          ({ property, value }) =>
            /^(margin|padding|border)-(left|right)(-|$)/.test(property) ||
            /^(left|right)$/.test(property) ||
            (/^(float|clear|text-align)$/.test(property) && /^(left|right)$/.test(value)) ||
            (property === 'background-position' && /\b(left|right)\b/.test(value)),
        )
        .map((d) => `${r.selector} { ${d.property}: ${d.value} }`),
    );
    expect(physical).toEqual([]);
  });

  test("what is drawn has its [dir='rtl'] counterpart, or points nowhere", () => {
    const selectors = new Set(rules.map((r) => r.selector));
    const unmirrored = rules
      .filter((r) => !RTL.test(r.selector) && !(r.selector in NOT_MIRRORED))
      .flatMap((r) =>
        r.declarations
          .filter(({ property, value }) => drawn(property, value) || asymmetric(property, value))
          .filter(() => !selectors.has(`[dir='rtl'] ${r.selector}`))
          .map((d) => `${r.selector} { ${d.property}: ${d.value} }`),
      );
    expect(unmirrored).toEqual([]);
    // Each right-to-left rule mirrors a rule that exists.
    for (const r of rules.filter((x) => RTL.test(x.selector)))
      expect(selectors.has(r.selector.replace(RTL, ''))).toBe(true);
  });
});

test('the site stylesheet mirrors the back link, the start button and the details triangle', () => {
  const site = SHEETS[0]!.rules;
  const rtl = (selector: string, property: string) =>
    site
      .find((r) => r.selector === `[dir='rtl'] ${selector}`)
      ?.declarations.find((d) => d.property === property)?.value;
  expect(rtl('.back-link::before', 'transform')).toBe('rotate(45deg)');
  expect(rtl('.button-start-icon', 'transform')).toBe('scaleX(-1)');
  expect(rtl('.details-summary::before', 'clip-path')).toMatch(/^polygon/);
  // The list of shapes left as they are names rules that exist.
  for (const selector of Object.keys(NOT_MIRRORED))
    expect(site.some((r) => r.selector === selector)).toBe(true);
});
