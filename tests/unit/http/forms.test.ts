/**
 * Forms as data: reading a submitted body (readRaw), turning what was typed into package values
 * (parseRaw), writing them in (setIn/getIn), checking the whole package against the schema and putting
 * each issue on the right field with the page's message (submitForm), and what the templates read
 * (fieldView, fieldHref). Messages come from the real English locale.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {
  fieldDirection,
  fieldHref,
  fieldView,
  getIn,
  parseRaw,
  rawFromValue,
  readRaw,
  setIn,
  submitForm,
  type FieldDef,
  type RawValue,
} from '../../../server/http/forms';
import type { Package, PackageInput } from '../../../server/domain/package';
import { parsePackage } from '../../../server/domain/validate';
import { createI18n } from '../../../server/i18n';
import { PATHS } from '../../../server/paths';

const t = createI18n(PATHS.locales).t('en');

function example(name: string): Package {
  const input = JSON.parse(
    fs.readFileSync(path.join(PATHS.root, 'examples', `${name}.json`), 'utf8'),
  ) as PackageInput;
  const parsed = parsePackage(input);
  if (!parsed.ok) throw new Error(`${name} does not parse`);
  return parsed.pkg;
}

const bhutan = example('bhutan-accession');

const yesNo = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

const dateField: FieldDef = {
  name: 'plannedOn',
  kind: 'date',
  path: ['deposit', 'plannedOn'],
  label: 'Date of deposit',
};
const placeField: FieldDef = {
  name: 'place',
  kind: 'text',
  path: ['deposit', 'place'],
  label: 'Place of deposit',
};
const yesNoField: FieldDef = {
  name: 'conditional',
  kind: 'yesno',
  path: ['extradition', 'conditionalOnTreaty'],
  label: 'Conditional',
  options: yesNo,
};
const radiosField: FieldDef = {
  name: 'office',
  kind: 'radios',
  path: ['signatory', 'office'],
  label: 'Office',
  options: [
    { value: 'head-of-state', label: 'Head of State' },
    { value: 'other', label: 'Other' },
  ],
};
const selectField: FieldDef = { ...radiosField, name: 'officeSelect', kind: 'select' };
const checkboxesField: FieldDef = {
  name: 'reservations',
  kind: 'checkboxes',
  path: ['reservations'],
  label: 'Reservations',
  options: [
    { value: 'untoc-35-3', label: 'UNTOC 35(3)' },
    { value: 'tip-15-3', label: 'TIP 15(3)' },
  ],
};
const commasField: FieldDef = {
  name: 'email',
  kind: 'list',
  separator: 'commas',
  path: ['authorities', 0, 'email'],
  label: 'E-mail addresses',
};
const linesField: FieldDef = {
  name: 'addressLines',
  kind: 'list',
  separator: 'lines',
  path: ['authorities', 0, 'address', 'lines'],
  label: 'Address',
};
const textareaField: FieldDef = {
  name: 'text',
  kind: 'textarea',
  path: ['declarations', 0, 'text'],
  label: 'Text of the declaration',
};

const date = (day: string, month: string, year: string): RawValue => ({ day, month, year });

function message(result: ReturnType<typeof parseRaw>): string {
  if (result.ok) throw new Error(`expected a message, got the value ${JSON.stringify(result.value)}`);
  return result.message;
}

describe('parseRaw: dates', () => {
  it('reads a blank date as not answered', () => {
    expect(parseRaw(dateField, date('', '', ''), t)).toEqual({ ok: true, value: null });
  });

  it('pads day and month: 5 1 2027 is 2027-01-05', () => {
    expect(parseRaw(dateField, date('5', '1', '2027'), t)).toEqual({ ok: true, value: '2027-01-05' });
    expect(parseRaw(dateField, date('05', '01', '2027'), t)).toEqual({ ok: true, value: '2027-01-05' });
    expect(parseRaw(dateField, date('29', '2', '2028'), t)).toEqual({ ok: true, value: '2028-02-29' });
  });

  it.each([
    [date('', '1', '2027'), 'Date of deposit must include a day'],
    [date('5', '', '2027'), 'Date of deposit must include a month'],
    [date('5', '1', ''), 'Date of deposit must include a year'],
    [date('', '', '2027'), 'Date of deposit must include a day and a month'],
    [date('', '1', ''), 'Date of deposit must include a day and a year'],
    [date('5', '', ''), 'Date of deposit must include a month and a year'],
  ])('names the missing parts of %p', (raw, expected) => {
    expect(message(parseRaw(dateField, raw, t))).toBe(expected);
    expect(expected).toBe(
      t('pages.errors.dateIncomplete', {
        label: 'Date of deposit',
        parts: expected.replace('Date of deposit must include ', ''),
      }),
    );
  });

  it.each([
    ['31 February', date('31', '2', '2027')],
    ['29 February in a common year', date('29', '2', '2027')],
    ['month 13', date('1', '13', '2027')],
    ['day 0', date('0', '1', '2027')],
    ['letters', date('five', '1', '2027')],
    ['a three-digit day', date('005', '1', '2027')],
    ['a two-digit year', date('5', '1', '27')],
    ['a negative month', date('5', '-1', '2027')],
  ])('says %s is not a real date', (_what, raw) => {
    const text = message(parseRaw(dateField, raw, t));
    expect(text).toBe('Date of deposit must be a real date, like 15 1 2027');
    expect(text).toBe(t('pages.errors.dateNotReal', { label: 'Date of deposit' }));
  });

  it('gives back what rawFromValue shows, for any real date', () => {
    const day = 24 * 3600 * 1000;
    const first = Date.UTC(1945, 0, 1) / day;
    const last = Date.UTC(2100, 11, 31) / day;
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), (n) => {
        const iso = new Date(n * day).toISOString().slice(0, 10);
        expect(parseRaw(dateField, rawFromValue(dateField, iso), t)).toEqual({ ok: true, value: iso });
      }),
    );
  });
});

describe('parseRaw: yes/no, radios, selects and checkboxes', () => {
  it('reads yes and no as true and false, blank as not answered', () => {
    expect(parseRaw(yesNoField, 'yes', t)).toEqual({ ok: true, value: true });
    expect(parseRaw(yesNoField, 'no', t)).toEqual({ ok: true, value: false });
    expect(parseRaw(yesNoField, ' no ', t)).toEqual({ ok: true, value: false });
    expect(parseRaw(yesNoField, '', t)).toEqual({ ok: true, value: null });
  });

  it.each(['maybe', 'YES', 'true', '1'])('refuses %p as a yes/no answer', (raw) => {
    expect(message(parseRaw(yesNoField, raw, t))).toBe('Conditional: select one of the options listed');
  });

  it.each([radiosField, selectField])('accepts an option of the $kind field and nothing else', (field) => {
    expect(parseRaw(field, 'other', t)).toEqual({ ok: true, value: 'other' });
    expect(parseRaw(field, '', t)).toEqual({ ok: true, value: null });
    expect(message(parseRaw(field, 'minister-for-foreign-affairs', t))).toBe(
      t('pages.errors.notInList', { label: 'Office' }),
    );
    expect(message(parseRaw(field, 'Other', t))).toBe('Office: select one of the options listed');
  });

  it('accepts checked options, once each', () => {
    expect(parseRaw(checkboxesField, ['tip-15-3', 'untoc-35-3', 'tip-15-3'], t)).toEqual({
      ok: true,
      value: ['tip-15-3', 'untoc-35-3'],
    });
    expect(parseRaw(checkboxesField, [], t)).toEqual({ ok: true, value: [] });
  });

  it('refuses a checkbox value that is not an option, even beside valid ones', () => {
    expect(message(parseRaw(checkboxesField, ['untoc-35-3', 'som-20-3'], t))).toBe(
      'Reservations: select one of the options listed',
    );
  });
});

describe('parseRaw: text, text areas and lists', () => {
  it('trims text, and reads blank text as not answered', () => {
    expect(parseRaw(placeField, '  Geneva  ', t)).toEqual({ ok: true, value: 'Geneva' });
    expect(parseRaw(placeField, '   ', t)).toEqual({ ok: true, value: null });
  });

  it('keeps the line breaks of a text area as \\n', () => {
    expect(parseRaw(textareaField, 'One\r\nTwo\rThree\nFour', t)).toEqual({
      ok: true,
      value: 'One\nTwo\nThree\nFour',
    });
    expect(parseRaw(textareaField, '\r\n  Para one\r\n\r\nPara two  \r\n', t)).toEqual({
      ok: true,
      value: 'Para one\n\nPara two',
    });
  });

  it('splits a comma list on commas (and semicolons), dropping blanks', () => {
    expect(parseRaw(commasField, ' a@example.org, b@example.org ,,c@example.org; d@example.org ', t)).toEqual(
      {
        ok: true,
        value: ['a@example.org', 'b@example.org', 'c@example.org', 'd@example.org'],
      },
    );
    expect(parseRaw(commasField, ' , ', t)).toEqual({ ok: true, value: [] });
  });

  it('splits a line list on line breaks only, dropping blank lines', () => {
    expect(parseRaw(linesField, 'Post Box 1045, Norzin Lam\r\n\r\n  Chang Lam \nThimphu', t)).toEqual({
      ok: true,
      value: ['Post Box 1045, Norzin Lam', 'Chang Lam', 'Thimphu'],
    });
  });
});

describe('parseRaw: required fields', () => {
  const required = 'Enter the name of the authority';

  it.each<[FieldDef, RawValue]>([
    [{ ...placeField, required }, '  '],
    [{ ...textareaField, required }, '\r\n'],
    [{ ...yesNoField, required }, ''],
    [{ ...radiosField, required }, ''],
    [{ ...selectField, required }, ''],
    [{ ...checkboxesField, required }, []],
    [{ ...commasField, required }, ' , ; '],
    [{ ...linesField, required }, '\n\n'],
  ])('gives the field its own message when a required $kind is left blank', (field, raw) => {
    expect(parseRaw(field, raw, t)).toEqual({ ok: false, message: required });
  });

  it('says a value not in the list rather than required for a required checkbox group', () => {
    expect(message(parseRaw({ ...checkboxesField, required }, ['nope'], t))).toBe(
      'Reservations: select one of the options listed',
    );
  });
});

describe('readRaw', () => {
  it('reads the three inputs of a date, trimmed', () => {
    expect(
      readRaw({ 'plannedOn-day': ' 5 ', 'plannedOn-month': '1', 'plannedOn-year': '2027 ' }, dateField),
    ).toEqual(date('5', '1', '2027'));
    expect(readRaw({}, dateField)).toEqual(date('', '', ''));
  });

  it('reads checkboxes as a list, whether one or several were sent', () => {
    expect(readRaw({ reservations: 'tip-15-3' }, checkboxesField)).toEqual(['tip-15-3']);
    expect(readRaw({ reservations: ['tip-15-3', 7, 'untoc-35-3'] }, checkboxesField)).toEqual([
      'tip-15-3',
      'untoc-35-3',
    ]);
    expect(readRaw({}, checkboxesField)).toEqual([]);
  });

  it('reads other fields as one string: the first of several, blank when absent or not a string', () => {
    expect(readRaw({ place: ['Geneva', 'Vienna'] }, placeField)).toBe('Geneva');
    expect(readRaw({ place: { nested: 'x' } }, placeField)).toBe('');
    expect(readRaw({ place: 12 }, placeField)).toBe('');
    expect(readRaw({}, placeField)).toBe('');
  });
});

describe('rawFromValue', () => {
  it('shows a stored date in its three inputs without leading zeros', () => {
    expect(rawFromValue(dateField, '2027-01-05')).toEqual(date('5', '1', '2027'));
    expect(rawFromValue(dateField, null)).toEqual(date('', '', ''));
    expect(rawFromValue(dateField, '5 January 2027')).toEqual(date('', '', ''));
  });

  it('shows yes/no, checkboxes, lists and text', () => {
    expect([true, false, null].map((v) => rawFromValue(yesNoField, v))).toEqual(['yes', 'no', '']);
    expect(rawFromValue(checkboxesField, ['untoc-35-3'])).toEqual(['untoc-35-3']);
    expect(rawFromValue(checkboxesField, null)).toEqual([]);
    expect(rawFromValue(commasField, ['a@example.org', 'b@example.org'])).toBe(
      'a@example.org, b@example.org',
    );
    expect(rawFromValue(linesField, ['Line 1', 'Line 2'])).toBe('Line 1\nLine 2');
    expect(rawFromValue(linesField, null)).toBe('');
    expect(rawFromValue(placeField, 'Geneva')).toBe('Geneva');
    expect(rawFromValue(placeField, null)).toBe('');
  });
});

describe('setIn and getIn', () => {
  it('writes a copy, leaving the original untouched', () => {
    const root = { a: { b: 1, c: [1, 2] }, d: 'x' };
    const before = structuredClone(root);
    const next = setIn(root, ['a', 'c', 1], 9);
    expect(next).toEqual({ a: { b: 1, c: [1, 9] }, d: 'x' });
    expect(root).toEqual(before);
    expect(next.d).toBe('x');
    expect(Array.isArray(next.a.c)).toBe(true);
  });

  it('creates objects, and arrays before a numeric segment, on the way', () => {
    expect(setIn({}, ['authorities', 0, 'address', 'lines'], ['A'])).toEqual({
      authorities: [{ address: { lines: ['A'] } }],
    });
    expect(setIn({ fullPowers: null }, ['fullPowers', 'place'], 'Thimphu')).toEqual({
      fullPowers: { place: 'Thimphu' },
    });
  });

  it('replaces the whole value for an empty path', () => {
    expect(setIn({ a: 1 }, [], 'all')).toBe('all');
  });

  it('reads a value at a path, undefined through a missing step', () => {
    expect(getIn(bhutan, ['authorities', 0, 'email', 0])).toBe('mla@example.bt');
    expect(getIn(bhutan, ['deposit', 'plannedOn'])).toBe('2027-01-15');
    expect(getIn(bhutan, ['fullPowers', 'place'])).toBeUndefined();
    expect(getIn(bhutan, ['authorities', 9, 'name'])).toBeUndefined();
    expect(getIn(bhutan, ['party', 'code', 'length'])).toBeUndefined();
    expect(getIn(bhutan, [])).toBe(bhutan);
  });

  it('reads back what it wrote', () => {
    const next = setIn(bhutan, ['authorities', 1, 'officeHours'], '09:00 to 17:00');
    expect(getIn(next, ['authorities', 1, 'officeHours'])).toBe('09:00 to 17:00');
    expect(getIn(bhutan, ['authorities', 1, 'officeHours'])).toBeNull();
  });
});

describe('submitForm', () => {
  it('writes the answers into a parsed copy of the package', () => {
    const body = {
      'plannedOn-day': '5',
      'plannedOn-month': '1',
      'plannedOn-year': '2027',
      place: ' Geneva ',
    };
    const result = submitForm(bhutan, [dateField, placeField], body, t);
    expect(result.errors).toEqual([]);
    expect(result.pkg).toEqual({
      ...bhutan,
      deposit: { plannedOn: '2027-01-05', place: 'Geneva', noteBy: 'permanent-mission' },
    });
    expect(result.raw).toEqual({ plannedOn: date('5', '1', '2027'), place: ' Geneva ' });
    expect(bhutan.deposit).toEqual({ plannedOn: '2027-01-15', place: null, noteBy: 'permanent-mission' });
  });

  it('writes a "no" as false and a blank as null', () => {
    const result = submitForm(bhutan, [yesNoField, placeField], { conditional: 'no', place: '' }, t);
    expect(result.pkg?.extradition.conditionalOnTreaty).toBe(false);
    expect(result.pkg?.deposit.place).toBeNull();
  });

  it('puts a bad e-mail address in an authority on the e-mail field, with the page message', () => {
    const body = { email: 'mla@example.bt, not-an-address' };
    const result = submitForm(bhutan, [commasField, placeField], body, t);
    expect(result.pkg).toBeNull();
    expect(result.errors).toEqual([
      { name: 'email', href: '#email', message: t('pages.errors.email', { label: 'E-mail addresses' }) },
    ]);
    expect(result.errors[0]!.message).toBe(
      'E-mail addresses: enter each e-mail address in the correct format, like name@example.org',
    );
    expect(result.raw).toEqual({ email: 'mla@example.bt, not-an-address', place: '' });
  });

  it('puts an issue on the list as a whole (the same address twice) on its field', () => {
    const result = submitForm(bhutan, [commasField], { email: 'a@example.org, a@example.org' }, t);
    expect(result.errors).toEqual([
      { name: 'email', href: '#email', message: 'E-mail addresses: the same entry is given twice' },
    ]);
  });

  it('puts an issue on the field with the longest matching path', () => {
    const authorityField: FieldDef = {
      name: 'authority',
      kind: 'text',
      path: ['authorities', 0, 'name'],
      label: 'Name',
    };
    const officeHoursField: FieldDef = {
      name: 'hours',
      kind: 'text',
      path: ['authorities', 0],
      label: 'Whole authority',
    };
    const result = submitForm(
      bhutan,
      [officeHoursField, commasField, authorityField],
      { email: 'bad', authority: 'Office' },
      t,
      (p, values) =>
        setIn(setIn(p, commasField.path, values.get('email')), authorityField.path, values.get('authority')),
    );
    expect(result.errors.map((e) => e.name)).toEqual(['email']);
  });

  it('gives the schema message with its parameters (too long: the maximum)', () => {
    const result = submitForm(bhutan, [placeField], { place: 'x'.repeat(201) }, t);
    expect(result.pkg).toBeNull();
    expect(result.errors).toEqual([
      { name: 'place', href: '#place', message: 'Place of deposit must be 200 characters or fewer' },
    ]);
  });

  it('checks a date the schema refuses (before 1945) and links to its day input', () => {
    const result = submitForm(
      bhutan,
      [dateField],
      { 'plannedOn-day': '1', 'plannedOn-month': '1', 'plannedOn-year': '1900' },
      t,
    );
    expect(result.pkg).toBeNull();
    expect(result.errors).toEqual([
      {
        name: 'plannedOn',
        href: '#plannedOn-day',
        message: t('pages.errors.dateOutOfRange', { label: 'Date of deposit' }),
      },
    ]);
    expect(result.errors[0]!.message).toBe('Date of deposit must be between 1945 and 2100');
  });

  it('returns the typing errors, in field order, without checking the schema', () => {
    const body = {
      'plannedOn-day': '31',
      'plannedOn-month': '2',
      'plannedOn-year': '2027',
      conditional: 'perhaps',
      email: 'bad',
    };
    const result = submitForm(bhutan, [commasField, dateField, yesNoField], body, t);
    expect(result.pkg).toBeNull();
    expect(result.errors).toEqual([
      {
        name: 'plannedOn',
        href: '#plannedOn-day',
        message: 'Date of deposit must be a real date, like 15 1 2027',
      },
      {
        name: 'conditional',
        href: '#conditional-yes',
        message: 'Conditional: select one of the options listed',
      },
    ]);
  });

  it('gives a required field its message and returns no package', () => {
    const required = { ...placeField, required: 'Enter the place of deposit' };
    expect(submitForm(bhutan, [required], { place: '' }, t)).toEqual({
      raw: { place: '' },
      errors: [{ name: 'place', href: '#place', message: 'Enter the place of deposit' }],
      pkg: null,
    });
  });

  it('says the draft is off elsewhere when the issue is on no field of the page', () => {
    const broken = {
      ...bhutan,
      authorities: [{ ...bhutan.authorities[0]!, email: ['broken'] }, ...bhutan.authorities.slice(1)],
    };
    const result = submitForm(broken, [placeField], { place: 'Geneva' }, t);
    expect(result.pkg).toBeNull();
    expect(result.errors).toEqual([{ name: '_page', href: '#main', message: t('pages.errors.elsewhere') }]);
  });

  it('falls back to the general message for an issue the pages have no message for', () => {
    const depositField: FieldDef = { name: 'deposit', kind: 'text', path: ['deposit'], label: 'Deposit' };
    const result = submitForm(bhutan, [depositField], { deposit: 'x' }, t, (p, values) => ({
      ...p,
      deposit: { ...p.deposit, unexpected: values.get('deposit') },
    }));
    expect(result.errors).toEqual([
      { name: 'deposit', href: '#deposit', message: 'Deposit: the answer is not valid' },
    ]);
  });

  it('uses the apply function it is given', () => {
    const apply = jest.fn((p: Package, values: ReadonlyMap<string, unknown>) => ({
      ...p,
      deposit: { ...p.deposit, place: `${String(values.get('place'))}!` },
    }));
    const result = submitForm(bhutan, [placeField], { place: 'Vienna' }, t, apply);
    expect(apply).toHaveBeenCalledTimes(1);
    expect(result.pkg?.deposit.place).toBe('Vienna!');
  });
});

describe('fieldHref', () => {
  it('links a date to its day input', () => {
    expect(fieldHref(dateField)).toBe('#plannedOn-day');
  });

  it('links radios and checkboxes to their first option', () => {
    expect(fieldHref(radiosField)).toBe('#office-head-of-state');
    expect(fieldHref(checkboxesField)).toBe('#reservations-untoc-35-3');
    expect(fieldHref(yesNoField)).toBe('#conditional-yes');
    expect(fieldHref({ ...yesNoField, options: undefined })).toBe('#conditional-yes');
  });

  it('links other fields to the field itself', () => {
    for (const field of [placeField, textareaField, commasField, linesField, selectField])
      expect(fieldHref(field)).toBe(`#${field.name}`);
  });
});

describe('fieldView', () => {
  it('describes a text field with hint and error', () => {
    const view = fieldView(
      { ...placeField, hint: 'City', width: 'half', autocomplete: 'address-level2' },
      'Geneva',
      'Enter a place',
    );
    expect(view).toMatchObject({
      partial: 'field-text',
      name: 'place',
      id: 'place',
      label: 'Place of deposit',
      hint: 'City',
      hintId: 'place-hint',
      error: 'Enter a place',
      errorId: 'place-error',
      describedBy: 'place-hint place-error',
      value: 'Geneva',
      widthClass: 'input-half',
      autocomplete: 'address-level2',
      pageHeading: false,
      inline: false,
      options: [],
    });
  });

  it('has every property present, null when unused', () => {
    const view = fieldView(placeField, '', null, { pageHeading: true });
    expect(view).toMatchObject({
      hint: null,
      hintId: null,
      error: null,
      errorId: null,
      describedBy: null,
      widthClass: null,
      autocomplete: null,
      dir: 'auto',
      lang: null,
      pageHeading: true,
    });
    expect(Object.values(view).every((v) => v !== undefined)).toBe(true);
  });

  it('shows a yes/no as inline radios with the answer checked', () => {
    const view = fieldView(yesNoField, 'no', null);
    expect(view.partial).toBe('field-radios');
    expect(view.inline).toBe(true);
    expect(view.options).toEqual([
      {
        value: 'yes',
        label: 'Yes',
        hint: null,
        hintId: null,
        id: 'conditional-yes',
        first: true,
        checked: false,
        lang: null,
        dir: null,
      },
      {
        value: 'no',
        label: 'No',
        hint: null,
        hintId: null,
        id: 'conditional-no',
        first: false,
        checked: true,
        lang: null,
        dir: null,
      },
    ]);
  });

  it('checks every selected checkbox, and carries option hints and languages', () => {
    const field: FieldDef = {
      ...checkboxesField,
      options: [
        { value: 'untoc-35-3', label: 'UNTOC', hint: 'Article 35(3)' },
        { value: 'tip-15-3', label: 'TIP', lang: 'fr' },
      ],
    };
    const view = fieldView(field, ['tip-15-3', 'untoc-35-3'], null);
    expect(view.partial).toBe('field-checkboxes');
    expect(view.options.map((o) => [o.id, o.checked, o.hintId, o.lang, o.dir])).toEqual([
      ['reservations-untoc-35-3', true, 'reservations-untoc-35-3-hint', null, null],
      ['reservations-tip-15-3', true, null, 'fr', 'auto'],
    ]);
    expect(view.value).toBe('');
  });

  it("puts a drop-down's options under their groups, in order of each group's first option", () => {
    const field: FieldDef = {
      name: 'timeZone',
      kind: 'select',
      path: ['timeZone'],
      label: 'Time zone',
      options: [
        { value: 'Asia/Thimphu', label: 'Thimphu', group: 'Bhutan' },
        { value: 'Asia/Kolkata', label: 'Kolkata', group: 'Others' },
        { value: 'Europe/Paris', label: 'Paris', group: 'Others' },
      ],
    };
    const view = fieldView(field, 'Europe/Paris', null);
    expect(view.groups?.map((g) => [g.label, g.options.map((o) => [o.value, o.checked])])).toEqual([
      ['Bhutan', [['Asia/Thimphu', false]]],
      [
        'Others',
        [
          ['Asia/Kolkata', false],
          ['Europe/Paris', true],
        ],
      ],
    ]);
    expect(fieldView({ ...field, options: [{ value: 'x', label: 'X' }] }, '', null).groups).toBeNull();
  });

  it('keeps options with no group out of any <optgroup> (no group with an empty name)', () => {
    const field: FieldDef = {
      name: 'timeZone',
      kind: 'select',
      path: ['timeZone'],
      label: 'Time zone',
      options: [
        { value: 'UTC', label: 'UTC' },
        { value: 'Asia/Thimphu', label: 'Thimphu', group: 'Bhutan' },
      ],
    };
    const view = fieldView(field, 'UTC', null);
    expect(view.groups?.map((g) => [g.label, g.options.map((o) => o.value)])).toEqual([
      [null, ['UTC']],
      ['Bhutan', ['Asia/Thimphu']],
    ]);
  });

  it('fills the three inputs of a date', () => {
    const view = fieldView(dateField, date('5', '1', '2027'), null);
    expect(view).toMatchObject({ partial: 'field-date', day: '5', month: '1', year: '2027', value: '' });
  });

  it('writes free text in its own direction, and e-mail, telephone, web and postcode values left to right', () => {
    const text = (autocomplete?: string): FieldDef => ({
      ...placeField,
      ...(autocomplete ? { autocomplete } : {}),
    });
    expect(fieldDirection(text())).toBe('auto');
    expect(fieldDirection(text('organization'))).toBe('auto');
    expect(fieldDirection(text('street-address'))).toBe('auto');
    for (const ltr of ['email', 'work email', 'tel', 'fax tel', 'url', 'postal-code'])
      expect([ltr, fieldDirection(text(ltr))]).toEqual([ltr, 'ltr']);
    expect(fieldDirection({ ...commasField, autocomplete: 'email' })).toBe('ltr');
    expect(fieldDirection(linesField)).toBe('auto');
    for (const other of [dateField, yesNoField, checkboxesField, selectField])
      expect(fieldDirection(other)).toBeNull();
    expect(fieldView({ ...placeField, autocomplete: 'url', lang: 'en' }, '', null)).toMatchObject({
      dir: 'ltr',
      lang: 'en',
    });
  });

  it('shows a line list as a text area and a comma list as a text input', () => {
    expect(fieldView(linesField, 'A\nB', null)).toMatchObject({ partial: 'field-textarea', value: 'A\nB' });
    expect(fieldView(commasField, 'a, b', null)).toMatchObject({ partial: 'field-text', value: 'a, b' });
    expect(fieldView(selectField, 'other', null).partial).toBe('field-select');
    expect(fieldView(selectField, 'other', null).options.map((o) => o.checked)).toEqual([false, true]);
  });
});

describe('fixes found in review', () => {
  it('a required date left blank gets its required message', () => {
    const required: FieldDef = { ...dateField, required: 'Enter the date of deposit' };
    expect(parseRaw(required, { day: '', month: '', year: '' }, t)).toEqual({
      ok: false,
      message: 'Enter the date of deposit',
    });
    expect(parseRaw(dateField, { day: '', month: '', year: '' }, t)).toEqual({ ok: true, value: null });
  });

  it('a list by lines splits on a lone carriage return too', () => {
    const lines: FieldDef = {
      name: 'addressLines',
      kind: 'list',
      separator: 'lines',
      path: ['x'],
      label: 'Postal address',
    };
    expect(parseRaw(lines, 'Road 1\rDistrict 2\r\nCity\n', t)).toEqual({
      ok: true,
      value: ['Road 1', 'District 2', 'City'],
    });
  });
});
