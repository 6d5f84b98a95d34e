/**
 * The three-way merge of a draft's package (domain/merge.ts): each rule on small JSON values and on the
 * Bhutan example (only one side changed, both the same, both differently; objects key by key; lists keyed
 * by `id` or `treaty` entry by entry; other lists as one value), changedPaths, keyedPath and indexPath,
 * pathText and pathsOverlap; then properties over generated values derived from a common base.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {
  changedPaths,
  deepEqual,
  indexPath,
  keyedPath,
  mergeValues,
  pathText,
  pathsOverlap,
  type KeyedPath,
} from '../../../server/domain/merge';
import type { Package, PackageInput } from '../../../server/domain/package';
import { parsePackage } from '../../../server/domain/validate';
import { PATHS } from '../../../server/paths';

const bhutan: Package = (() => {
  const input = JSON.parse(
    fs.readFileSync(path.join(PATHS.root, 'examples', 'bhutan-accession.json'), 'utf8'),
  ) as PackageInput;
  const parsed = parsePackage(input);
  if (!parsed.ok) throw new Error('the Bhutan example does not parse');
  return parsed.pkg;
})();

/** A copy of the Bhutan package changed by `edit` (the example itself is never changed). */
function changed(edit: (pkg: Package) => void): Package {
  const copy = structuredClone(bhutan);
  edit(copy);
  return copy;
}

function authority(pkg: Package, id: string) {
  const found = pkg.authorities.find((a) => a.id === id);
  if (!found) throw new Error(`no authority ${id}`);
  return found;
}

function treaty(pkg: Package, id: string) {
  const found = pkg.treaties.find((t) => t.treaty === id);
  if (!found) throw new Error(`no treaty ${id}`);
  return found;
}

const texts = (paths: readonly KeyedPath[]) => paths.map(pathText).sort();

describe('the Bhutan example as the tests read it', () => {
  it('has authorities with the positional ids a1, a2, a3 and three treaties', () => {
    expect(bhutan.authorities.map((a) => a.id)).toEqual(['a1', 'a2', 'a3']);
    expect(bhutan.treaties.map((t) => t.treaty)).toEqual(['untoc', 'tip', 'som']);
    expect(bhutan.mlaLanguages).toEqual(['dz', 'en']);
  });
});

describe('mergeValues on small values', () => {
  it('takes mine when only mine changed', () => {
    expect(mergeValues({ a: 1, b: 1 }, { a: 2, b: 1 }, { a: 1, b: 1 })).toEqual({
      value: { a: 2, b: 1 },
      conflicts: [],
    });
    expect(mergeValues(1, 2, 1)).toEqual({ value: 2, conflicts: [] });
  });

  it('takes theirs when only theirs changed', () => {
    expect(mergeValues({ a: 1, b: 1 }, { a: 1, b: 1 }, { a: 1, b: 3 })).toEqual({
      value: { a: 1, b: 3 },
      conflicts: [],
    });
    expect(mergeValues('x', 'x', 'y')).toEqual({ value: 'y', conflicts: [] });
  });

  it('sees no conflict when both made the same change', () => {
    expect(mergeValues({ a: 1 }, { a: 5 }, { a: 5 })).toEqual({ value: { a: 5 }, conflicts: [] });
    expect(mergeValues({ a: [1] }, { a: [1, 2] }, { a: [1, 2] })).toEqual({
      value: { a: [1, 2] },
      conflicts: [],
    });
  });

  it('reports a conflict at the leaf both changed differently, and keeps theirs in the value', () => {
    const result = mergeValues({ a: { b: 1, c: 1 } }, { a: { b: 2, c: 1 } }, { a: { b: 3, c: 1 } });
    expect(result.conflicts).toEqual([['a', 'b']]);
    expect(result.value).toEqual({ a: { b: 3, c: 1 } });
  });

  it('reports a conflict at the root when two different scalars meet', () => {
    expect(mergeValues(1, 2, 3)).toEqual({ value: 3, conflicts: [[]] });
  });

  it('merges objects key by key: a key added by one side and a key removed by the other', () => {
    const result = mergeValues({ a: 1, b: 2 }, { a: 1, b: 2, c: 3 }, { a: 1 });
    expect(result).toEqual({ value: { a: 1, c: 3 }, conflicts: [] });
  });

  it('reports a conflict when one side removes a key the other changes', () => {
    const result = mergeValues({ a: 1, b: 2 }, { a: 1 }, { a: 1, b: 5 });
    expect(result.conflicts).toEqual([['b']]);
    expect(result.value).toEqual({ a: 1, b: 5 });
  });

  it('merges lists whose entries have distinct ids entry by entry', () => {
    const base = [
      { id: 'x', v: 1 },
      { id: 'y', v: 1 },
    ];
    const mine = [
      { id: 'x', v: 1 },
      { id: 'y', v: 2 },
    ];
    const theirs = [{ id: 'y', v: 1 }];
    expect(mergeValues(base, mine, theirs)).toEqual({ value: [{ id: 'y', v: 2 }], conflicts: [] });
  });

  it('treats a list whose ids repeat as one value', () => {
    const base = [
      { id: 'x', v: 1 },
      { id: 'x', v: 2 },
    ];
    const mine = [
      { id: 'x', v: 9 },
      { id: 'x', v: 2 },
    ];
    const theirs = [
      { id: 'x', v: 1 },
      { id: 'x', v: 8 },
    ];
    const result = mergeValues({ list: base }, { list: mine }, { list: theirs });
    expect(result.conflicts).toEqual([['list']]);
    expect(result.value).toEqual({ list: theirs });
  });

  it('merges into an empty base list, as long as both sides key their entries the same way', () => {
    expect(mergeValues([], [{ id: 'm' }], [{ id: 't' }])).toEqual({
      value: [{ id: 't' }, { id: 'm' }],
      conflicts: [],
    });
  });

  it('reports a conflict when both add an entry under the same id with different content', () => {
    const result = mergeValues([], [{ id: 'n', v: 1 }], [{ id: 'n', v: 2 }]);
    expect(result.conflicts).toEqual([[{ id: 'n' }]]);
    expect(result.value).toEqual([{ id: 'n', v: 2 }]);
  });
});

describe('objects both sides created', () => {
  it('are merged key by key: two translators who began one language at once keep both', () => {
    const result = mergeValues(undefined, { a: { text: 'x' } }, { b: { text: 'y' } });
    expect(result).toEqual({ value: { b: { text: 'y' }, a: { text: 'x' } }, conflicts: [] });
  });

  it('conflict only where both wrote the same key differently', () => {
    const result = mergeValues(
      undefined,
      { a: { text: 'x', source: 's' } },
      { a: { text: 'y', source: 's' } },
    );
    expect(result.conflicts).toEqual([['a', 'text']]);
  });
});

describe('mergeValues on the Bhutan package', () => {
  it('keeps both when one changes party.formalName and the other documentLanguage', () => {
    const mine = changed((p) => {
      p.party.formalName = 'the Kingdom of Bhutan (A)';
    });
    const theirs = changed((p) => {
      p.documentLanguage = 'fr';
    });
    const result = mergeValues(bhutan, mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.value).toEqual(
      changed((p) => {
        p.party.formalName = 'the Kingdom of Bhutan (A)';
        p.documentLanguage = 'fr';
      }),
    );
  });

  it('applies both when they remove one authority and I edit another', () => {
    const mine = changed((p) => {
      authority(p, 'a3').name = 'Department of Immigration (renamed)';
    });
    const theirs = changed((p) => {
      p.authorities = p.authorities.filter((a) => a.id !== 'a1');
    });
    const result = mergeValues(bhutan, mine, theirs);
    expect(result.conflicts).toEqual([]);
    const merged = result.value as Package;
    expect(merged.authorities.map((a) => a.id)).toEqual(['a2', 'a3']);
    expect(authority(merged, 'a3').name).toBe('Department of Immigration (renamed)');
    expect(authority(merged, 'a2')).toEqual(authority(bhutan, 'a2'));
  });

  it('keeps both when each adds a different authority: theirs in their order, then mine', () => {
    const mine = changed((p) => {
      p.authorities.push({ ...structuredClone(authority(p, 'a2')), id: 'mineNew1', name: 'Mine' });
    });
    const theirs = changed((p) => {
      p.authorities.splice(1, 0, { ...structuredClone(authority(p, 'a2')), id: 'theirNew', name: 'Theirs' });
    });
    const result = mergeValues(bhutan, mine, theirs);
    expect(result.conflicts).toEqual([]);
    const merged = result.value as Package;
    expect(merged.authorities.map((a) => a.id)).toEqual(['a1', 'theirNew', 'a2', 'a3', 'mineNew1']);
    expect(authority(merged, 'mineNew1').name).toBe('Mine');
    expect(authority(merged, 'theirNew').name).toBe('Theirs');
  });

  it.each([
    ['I remove an authority they edit', 'mine-removes'],
    ['they remove an authority I edit', 'theirs-remove'],
  ] as const)('reports a conflict on the entry when %s', (_, who) => {
    const removed = changed((p) => {
      p.authorities = p.authorities.filter((a) => a.id !== 'a2');
    });
    const edited = changed((p) => {
      authority(p, 'a2').unit = 'A new unit';
    });
    const [mine, theirs] = who === 'mine-removes' ? [removed, edited] : [edited, removed];
    const result = mergeValues(bhutan, mine, theirs);
    expect(result.conflicts).toEqual([['authorities', { id: 'a2' }]]);
    // Theirs is kept where the two collide.
    expect((result.value as Package).authorities.map((a) => a.id)).toEqual(
      theirs.authorities.map((a) => a.id),
    );
  });

  it('keeps their order of a keyed list both changed (an order of mine is not merged in)', () => {
    const mine = changed((p) => {
      p.authorities.reverse();
      authority(p, 'a3').name = 'Mine';
    });
    const theirs = changed((p) => {
      authority(p, 'a1').name = 'Theirs';
    });
    const result = mergeValues(bhutan, mine, theirs);
    expect(result.conflicts).toEqual([]);
    const merged = result.value as Package;
    expect(merged.authorities.map((a) => [a.id, a.name])).toEqual([
      ['a1', 'Theirs'],
      ['a2', bhutan.authorities[1]!.name],
      ['a3', 'Mine'],
    ]);
  });

  it('merges edits of different fields of the same authority', () => {
    const mine = changed((p) => {
      authority(p, 'a1').officerTitle = 'Director';
    });
    const theirs = changed((p) => {
      authority(p, 'a1').email = ['mla@example.bt', 'mla2@example.bt'];
    });
    const result = mergeValues(bhutan, mine, theirs);
    expect(result.conflicts).toEqual([]);
    const a1 = authority(result.value as Package, 'a1');
    expect(a1.officerTitle).toBe('Director');
    expect(a1.email).toEqual(['mla@example.bt', 'mla2@example.bt']);
  });

  it('reports a conflict at the field when both change the same field of an authority', () => {
    const mine = changed((p) => {
      authority(p, 'a2').name = 'Royal Bhutan Police (mine)';
    });
    const theirs = changed((p) => {
      authority(p, 'a2').name = 'Royal Bhutan Police (theirs)';
    });
    const result = mergeValues(bhutan, mine, theirs);
    expect(result.conflicts).toEqual([['authorities', { id: 'a2' }, 'name']]);
    expect(authority(result.value as Package, 'a2').name).toBe('Royal Bhutan Police (theirs)');
  });

  it('merges the treaties by treaty: one changes an instrument, the other reservations of another', () => {
    const reservations = [{ text: 'A reservation made on signature.', confirm: null }];
    const mine = changed((p) => {
      treaty(p, 'untoc').instrument = 'ratification';
    });
    const theirs = changed((p) => {
      treaty(p, 'tip').signatureReservations = reservations;
    });
    const result = mergeValues(bhutan, mine, theirs);
    expect(result.conflicts).toEqual([]);
    const merged = result.value as Package;
    expect(merged.treaties.map((t) => t.treaty)).toEqual(['untoc', 'tip', 'som']);
    expect(treaty(merged, 'untoc').instrument).toBe('ratification');
    expect(treaty(merged, 'tip').signatureReservations).toEqual(reservations);
    expect(treaty(merged, 'som')).toEqual(treaty(bhutan, 'som'));
  });

  it('reports a conflict at the treaty field when both change the same treaty the same field differently', () => {
    const mine = changed((p) => {
      treaty(p, 'som').instrument = 'ratification';
    });
    const theirs = changed((p) => {
      treaty(p, 'som').instrument = 'approval';
    });
    expect(mergeValues(bhutan, mine, theirs).conflicts).toEqual([['treaties', { id: 'som' }, 'instrument']]);
  });

  it('treats mlaLanguages as one value: different changes on both sides conflict on the whole list', () => {
    const mine = changed((p) => {
      p.mlaLanguages = ['dz', 'en', 'fr'];
    });
    const theirs = changed((p) => {
      p.mlaLanguages = ['en'];
    });
    const result = mergeValues(bhutan, mine, theirs);
    expect(result.conflicts).toEqual([['mlaLanguages']]);
    expect((result.value as Package).mlaLanguages).toEqual(['en']);
  });

  it('takes a list changed on one side only, atomic or keyed, whole', () => {
    const mine = changed((p) => {
      p.mlaLanguages = ['fr'];
    });
    const theirs = changed((p) => {
      p.authorities.reverse();
    });
    const result = mergeValues(bhutan, mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect((result.value as Package).mlaLanguages).toEqual(['fr']);
    expect((result.value as Package).authorities.map((a) => a.id)).toEqual(['a3', 'a2', 'a1']);
  });

  it('does not change the values it is given', () => {
    const mine = changed((p) => {
      authority(p, 'a1').name = 'Mine';
    });
    const theirs = changed((p) => {
      p.authorities.pop();
    });
    const [baseText, mineText, theirsText] = [bhutan, mine, theirs].map((v) => JSON.stringify(v));
    mergeValues(bhutan, mine, theirs);
    expect([bhutan, mine, theirs].map((v) => JSON.stringify(v))).toEqual([baseText, mineText, theirsText]);
  });
});

describe('changedPaths', () => {
  it('is empty for equal values, including objects whose keys are in another order', () => {
    expect(changedPaths(bhutan, structuredClone(bhutan))).toEqual([]);
    expect(changedPaths({ a: 1, b: 2 }, { b: 2, a: 1 })).toEqual([]);
  });

  it('lists the leaf paths that changed', () => {
    const after = changed((p) => {
      p.party.formalName = 'Bhutan';
      p.deposit.place = 'Geneva';
      authority(p, 'a1').channels.oralForUrgent = false;
    });
    expect(texts(changedPaths(bhutan, after))).toEqual(
      ['party.formalName', 'deposit.place', 'authorities[a1].channels.oralForUrgent'].sort(),
    );
  });

  it('names an atomic list as a whole, not its positions', () => {
    const after = changed((p) => {
      p.mlaLanguages = ['dz', 'fr'];
    });
    expect(changedPaths(bhutan, after)).toEqual([['mlaLanguages']]);
  });

  it('names entries added and removed by their id', () => {
    const after = changed((p) => {
      p.authorities = p.authorities.filter((a) => a.id !== 'a2');
      p.authorities.push({ ...structuredClone(authority(p, 'a1')), id: 'Zz9_-new' });
      p.treaties = p.treaties.filter((t) => t.treaty !== 'tip');
    });
    expect(texts(changedPaths(bhutan, after))).toEqual(
      ['authorities[a2]', 'authorities[Zz9_-new]', 'treaties[tip]'].sort(),
    );
    expect(changedPaths(bhutan, after)).toContainEqual(['authorities', { id: 'a2' }]);
  });

  it('names a pure reorder of a keyed list as the list', () => {
    const after = changed((p) => {
      p.authorities.reverse();
    });
    expect(changedPaths(bhutan, after)).toEqual([['authorities']]);
  });

  it('names an added or removed key, and a change of type, at that key', () => {
    expect(changedPaths({ a: 1 }, { a: 1, b: null })).toEqual([['b']]);
    expect(changedPaths({ a: 1, b: 2 }, { a: 1 })).toEqual([['b']]);
    expect(changedPaths({ a: { x: 1 } }, { a: [1] })).toEqual([['a']]);
    expect(changedPaths(1, 2)).toEqual([[]]);
  });
});

describe('keyedPath and indexPath', () => {
  it('write positions as ids in keyed lists, and back', () => {
    const positions = ['authorities', 1, 'address', 'city'];
    const keyed = keyedPath(bhutan, positions);
    expect(keyed).toEqual(['authorities', { id: 'a2' }, 'address', 'city']);
    expect(indexPath(bhutan, keyed)).toEqual(positions);
  });

  it('name a treaty by its treaty id', () => {
    const keyed = keyedPath(bhutan, ['treaties', 2, 'instrument']);
    expect(keyed).toEqual(['treaties', { id: 'som' }, 'instrument']);
    expect(indexPath(bhutan, keyed)).toEqual(['treaties', 2, 'instrument']);
  });

  it('follow the entry to its new position after the list changed', () => {
    const keyed = keyedPath(bhutan, ['authorities', 2, 'name']);
    const after = changed((p) => {
      p.authorities = p.authorities.filter((a) => a.id !== 'a1');
    });
    expect(indexPath(after, keyed)).toEqual(['authorities', 1, 'name']);
  });

  it('keep a position in an atomic list as text', () => {
    expect(keyedPath(bhutan, ['mlaLanguages', 1])).toEqual(['mlaLanguages', '1']);
    expect(keyedPath(bhutan, ['authorities', 0, 'email', 0])).toEqual([
      'authorities',
      { id: 'a1' },
      'email',
      '0',
    ]);
  });

  it('give null for an entry that is not there (removed)', () => {
    const keyed = keyedPath(bhutan, ['authorities', 1, 'name']);
    const after = changed((p) => {
      p.authorities = p.authorities.filter((a) => a.id !== 'a2');
    });
    expect(indexPath(after, keyed)).toBeNull();
    expect(indexPath(bhutan, ['authorities', { id: 'nope' }])).toBeNull();
    expect(indexPath(bhutan, ['party', { id: 'a1' }])).toBeNull();
  });
});

describe('pathText and pathsOverlap', () => {
  it('write a path with dots between keys and ids in brackets', () => {
    expect(pathText(['authorities', { id: 'k3Jq0aZx' }, 'name'])).toBe('authorities[k3Jq0aZx].name');
    expect(pathText(['treaties', { id: 'som' }, 'signatureReservations'])).toBe(
      'treaties[som].signatureReservations',
    );
    expect(pathText(['party', 'formalName'])).toBe('party.formalName');
    expect(pathText(['mlaLanguages'])).toBe('mlaLanguages');
    expect(pathText([{ id: 'x' }, 'v'])).toBe('[x].v');
    expect(pathText([])).toBe('');
  });

  it('say two paths overlap when one contains the other, whichever way round', () => {
    const entry: KeyedPath = ['authorities', { id: 'a1' }];
    expect(pathsOverlap(entry, ['authorities', { id: 'a1' }, 'name'])).toBe(true);
    expect(pathsOverlap(['authorities', { id: 'a1' }, 'name'], entry)).toBe(true);
    expect(pathsOverlap(['authorities'], entry)).toBe(true);
    expect(pathsOverlap([], entry)).toBe(true);
    expect(pathsOverlap(entry, ['authorities', { id: 'a2' }])).toBe(false);
    expect(pathsOverlap(['authorities', { id: 'a1' }, 'name'], ['authorities', { id: 'a1' }, 'unit'])).toBe(
      false,
    );
    // An id is never a key of the same name.
    expect(pathsOverlap(['x', 'a1'], ['x', { id: 'a1' }])).toBe(false);
  });
});

describe('deepEqual', () => {
  it('compares as JSON: key order does not matter, list order does, an undefined key is no key', () => {
    expect(deepEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
    expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(deepEqual({ a: null }, {})).toBe(false);
    expect(deepEqual([], {})).toBe(false);
    expect(deepEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
  });
});

// ---- Properties over generated values ----------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: Json): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

const leaf: fc.Arbitrary<Json> = fc.constantFrom<Json>(null, true, false, 0, 1, 'x', 'y');
const atomicList: fc.Arbitrary<Json> = fc.subarray(['en', 'fr', 'dz']);

/** An entry of a keyed list: its key, and a few fields (one of them itself a list). */
const entryOf = (key: 'id' | 'treaty', name: string): fc.Arbitrary<Json> =>
  fc.record({ [key]: fc.constant(name), name: leaf, flag: leaf, roles: atomicList });

const ENTRY_IDS = ['a1', 'a2', 'a3', 'k3Jq0aZx'];
const TREATIES = ['untoc', 'tip', 'som', 'fp'];
/** Ids that only the edits add (both sides may add the same one). */
const NEW_IDS = ['n1', 'n2'];

const keyedList = (key: 'id' | 'treaty', names: string[]): fc.Arbitrary<Json> =>
  fc.subarray(names).chain((chosen) => fc.tuple(...chosen.map((n) => entryOf(key, n))));

/**
 * A package-like value: nested objects, an atomic list, a list keyed by `id` and one keyed by `treaty`.
 * Each list keeps one kind of entry, as the package's lists do.
 */
const baseArb: fc.Arbitrary<Json> = fc.record(
  {
    party: fc.record({ formalName: leaf, code: leaf }, { requiredKeys: ['code'] }),
    documentLanguage: leaf,
    mlaLanguages: atomicList,
    authorities: keyedList('id', ENTRY_IDS),
    treaties: keyedList('treaty', TREATIES),
  },
  { requiredKeys: ['party', 'authorities', 'treaties'] },
);

const REMOVED = Symbol('removed');
/** A part of a value as edited: a value, or removed. */
type Edit = Json | typeof REMOVED;
const removed: fc.Arbitrary<Edit> = fc.constant(REMOVED);
const asEdit = (arbitrary: fc.Arbitrary<Json>): fc.Arbitrary<Edit> => arbitrary.map((v): Edit => v);

/** The lists the generator makes: entries keyed by `id` (authorities) or `treaty` (treaties), or atomic. */
const LIST_KEYS: Readonly<Record<string, 'id' | 'treaty'>> = { authorities: 'id', treaties: 'treaty' };

/**
 * The value at `field` as another person may have edited it: most parts kept, some changed, removed or
 * added (a keyed list stays a list of the same kind of entry, or is replaced by a leaf).
 */
function edited(value: Json, field: string | null): fc.Arbitrary<Json> {
  const kept = { weight: 6, arbitrary: fc.constant(value) };
  if (isObject(value)) {
    return fc.oneof(kept, { weight: 4, arbitrary: editedObject(value) }, { weight: 1, arbitrary: leaf });
  }
  if (Array.isArray(value)) {
    const key = field === null ? undefined : LIST_KEYS[field];
    // Keyed lists are edited more often than not: their entries are where merges are most subtle.
    const list = key
      ? { weight: 12, arbitrary: editedKeyedList(value, key) }
      : { weight: 3, arbitrary: atomicList };
    return fc.oneof(kept, list, { weight: 1, arbitrary: leaf });
  }
  return fc.oneof(kept, { weight: 2, arbitrary: leaf });
}

function editedObject(value: JsonObject, fixed: string | null = null): fc.Arbitrary<Json> {
  const keys = Object.keys(value);
  const fields = keys.map((k) =>
    k === fixed
      ? fc.constant<Edit>(value[k]!)
      : fc.oneof({ weight: 8, arbitrary: asEdit(edited(value[k]!, k)) }, { weight: 1, arbitrary: removed }),
  );
  return fc
    .tuple(
      fc.tuple(...fields),
      fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: leaf }),
    )
    .map(([values, extra]) => {
      const out: JsonObject = {};
      keys.forEach((k, i) => {
        const v = values[i];
        if (v !== REMOVED && v !== undefined) out[k] = v;
      });
      if (extra !== null) out.extra = extra;
      return out;
    });
}

function editedKeyedList(list: Json[], key: 'id' | 'treaty'): fc.Arbitrary<Json> {
  const present = new Set(list.map((e) => (e as JsonObject)[key] as string));
  const addable = (key === 'id' ? NEW_IDS : TREATIES).filter((n) => !present.has(n));
  return fc
    .tuple(
      fc.tuple(
        ...list.map((e) =>
          fc.oneof(
            { weight: 4, arbitrary: fc.constant<Edit>(e) },
            { weight: 3, arbitrary: asEdit(editedObject(e as JsonObject, key)) },
            { weight: 1, arbitrary: removed },
          ),
        ),
      ),
      fc
        .subarray(addable, { maxLength: Math.min(2, addable.length) })
        .chain((names) => fc.tuple(...names.map((n) => entryOf(key, n)))),
      fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    )
    .map(([entries, added, reversed]) => {
      const kept = entries.filter((e): e is Json => e !== REMOVED);
      const out = [...kept, ...added];
      return reversed ? out.reverse() : out;
    });
}

/** A base and two versions of it edited independently (mine and theirs). */
const threeWay = baseArb.chain((base) =>
  fc.tuple(fc.constant(base), editedObject(base as JsonObject), editedObject(base as JsonObject)),
);

/** The value a keyed path names (undefined when it names nothing: a key or an entry that is not there). */
function valueAt(root: Json, at: KeyedPath): Json | undefined {
  const positions = indexPath(root, at);
  if (positions === null) return undefined;
  let v: Json | undefined = root;
  for (const seg of positions) {
    if (typeof seg === 'number') v = Array.isArray(v) ? v[seg] : undefined;
    else v = v !== undefined && isObject(v) ? v[seg] : undefined;
  }
  return v;
}

const overlapping = (a: readonly KeyedPath[], b: readonly KeyedPath[]) =>
  a.some((p) => b.some((q) => pathsOverlap(p, q)));

describe('properties of mergeValues', () => {
  it('are checked over edits that both collide and not, in every kind of list', () => {
    const samples = fc.sample(threeWay, { numRuns: 500, seed: 7 });
    const disjoint = samples.filter(([b, m, t]) => !overlapping(changedPaths(b, m), changedPaths(b, t)));
    const colliding = samples.filter(([b, m, t]) => mergeValues(b, m, t).conflicts.length > 0);
    expect(disjoint.length).toBeGreaterThan(100);
    expect(colliding.length).toBeGreaterThan(100);
    // Both sides change a keyed list without colliding, in each kind of keyed list.
    for (const list of ['authorities', 'treaties']) {
      const both = disjoint.filter(([b, m, t]) =>
        [changedPaths(b, m), changedPaths(b, t)].every((paths) =>
          paths.some((p) => p[0] === list && p.length > 1),
        ),
      );
      expect(both.length).toBeGreaterThanOrEqual(10);
    }
  });

  it('gives theirs when mine is the base', () => {
    fc.assert(
      fc.property(threeWay, ([base, , theirs]) => {
        const result = mergeValues(base, base, theirs);
        expect(result.conflicts).toEqual([]);
        expect(deepEqual(result.value, theirs)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('gives mine when theirs is the base', () => {
    fc.assert(
      fc.property(threeWay, ([base, mine]) => {
        const result = mergeValues(base, mine, base);
        expect(result.conflicts).toEqual([]);
        expect(deepEqual(result.value, mine)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('sees no conflict when both made the same change, and gives that change', () => {
    fc.assert(
      fc.property(threeWay, ([base, same]) => {
        const result = mergeValues(base, same, structuredClone(same));
        expect(result.conflicts).toEqual([]);
        expect(deepEqual(result.value, same)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('merges cleanly changes at paths that do not overlap, applying mine to theirs and theirs to mine', () => {
    fc.assert(
      fc.property(threeWay, ([base, mine, theirs]) => {
        const ours = changedPaths(base, mine);
        const others = changedPaths(base, theirs);
        fc.pre(!overlapping(ours, others));
        const result = mergeValues(base, mine, theirs);
        expect(result.conflicts).toEqual([]);
        expect(texts(changedPaths(theirs, result.value))).toEqual(texts(ours));
        expect(texts(changedPaths(mine, result.value))).toEqual(texts(others));
      }),
      { numRuns: 400 },
    );
  });

  it('reports each conflict at a path both sides changed', () => {
    fc.assert(
      fc.property(threeWay, ([base, mine, theirs]) => {
        const ours = changedPaths(base, mine);
        const others = changedPaths(base, theirs);
        for (const conflict of mergeValues(base, mine, theirs).conflicts) {
          expect(ours.some((p) => pathsOverlap(p, conflict))).toBe(true);
          expect(others.some((p) => pathsOverlap(p, conflict))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps theirs wherever it reports a conflict', () => {
    fc.assert(
      fc.property(threeWay, ([base, mine, theirs]) => {
        const result = mergeValues(base, mine, theirs);
        for (const conflict of result.conflicts) {
          expect(valueAt(result.value as Json, conflict)).toEqual(valueAt(theirs, conflict));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('needs a list to keep one kind of key: lists keyed by id on one side and by treaty on the other conflict', () => {
    // Outside the package (where each list has one kind of entry) the property above does not hold:
    // from an empty list, one side adds an entry keyed by `id`, the other one keyed by `treaty`. Their
    // changed paths ([list, {id: m}] and [list, {id: untoc}]) do not overlap, yet the three lists do not
    // share a key, so the list is merged as one value and conflicts as a whole.
    const result = mergeValues({ list: [] }, { list: [{ id: 'm' }] }, { list: [{ treaty: 'untoc' }] });
    expect(
      overlapping(changedPaths({ list: [] }, { list: [{ id: 'm' }] }), [['list', { id: 'untoc' }]]),
    ).toBe(false);
    expect(result.conflicts).toEqual([['list']]);
  });
});
