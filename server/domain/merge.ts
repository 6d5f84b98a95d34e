/**
 * Three-way merge of a draft's package, and the list of what changed between two packages: how two
 * people editing one draft never lose each other's answers without being told.
 *
 * A save is based on the revision its form was read at (the base). Others may have saved since (theirs);
 * the form applied to the base gives what this user means (mine). Where only one side changed a value,
 * that side wins; where both changed the same value differently, it is a conflict, reported with its path
 * and never resolved silently.
 *
 * Values are compared as JSON. Objects merge key by key. A list whose entries all carry a distinct `id`
 * (the authorities, the declarations: any list to come that gives its entries ids) or `treaty` (the
 * treaties chosen, earlier consents) merges entry by entry, so that an entry removed, added or changed by
 * one person is matched with the same entry in the other's version whatever its position. Any other list
 * (languages, roles, e-mail addresses) is one value.
 *
 * Paths name list entries by id, never by position: `['authorities', { id: 'k3Jq0aZx' }, 'name']`.
 */
export type KeyedSegment = string | { readonly id: string };
export type KeyedPath = readonly KeyedSegment[];

type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The fields that name a list's entries: `id` (authorities, declarations), `treaty` (the treaties chosen,
 * the earlier consents: one entry per treaty).
 */
const KEY_FIELDS = ['id', 'treaty'] as const;

/** The field that names the entries of a list, when every entry has a distinct one. */
function keyOf(v: Json): (typeof KEY_FIELDS)[number] | null {
  if (!Array.isArray(v) || v.length === 0) return null;
  return (
    KEY_FIELDS.find(
      (k) =>
        v.every((e) => isObject(e) && typeof e[k] === 'string') &&
        new Set(v.map((e) => (e as Record<string, Json>)[k])).size === v.length,
    ) ?? null
  );
}

/** Lists merged entry by entry: an empty list goes with any keyed list; two keyed lists share their key. */
function keyedLists(...lists: Json[]): (typeof KEY_FIELDS)[number] | null {
  if (!lists.every(Array.isArray)) return null;
  const keys = new Set(lists.map(keyOf).filter((k, i) => k !== null || (lists[i] as Json[]).length > 0));
  if (keys.size !== 1) return null;
  const [key] = keys;
  return key ?? null;
}

export function deepEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a).filter((k) => a[k] !== undefined);
    const other = Object.keys(b).filter((k) => b[k] !== undefined);
    return keys.length === other.length && keys.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

const byKey = (list: readonly Json[], key: string) =>
  new Map(list.map((e) => [(e as Record<string, Json>)[key] as string, e as Record<string, Json>]));

export interface MergeResult {
  readonly value: Json;
  /** Where both sides changed the same value differently; empty when the merge is clean. */
  readonly conflicts: readonly KeyedPath[];
}

/** Merge `mine` and `theirs`, both derived from `base`. */
export function mergeValues(base: Json, mine: Json, theirs: Json): MergeResult {
  const conflicts: KeyedPath[] = [];
  const value = merge(base, mine, theirs, [], conflicts);
  return { value, conflicts };
}

function merge(base: Json, mine: Json, theirs: Json, at: KeyedPath, conflicts: KeyedPath[]): Json {
  if (deepEqual(mine, base)) return theirs;
  if (deepEqual(theirs, base) || deepEqual(mine, theirs)) return mine;
  // An object both sides created (a language's first translations) is merged key by key as well; a list
  // entry both created under one id stays one conflict, on the entry.
  const entry = (v: Record<string, Json>) => KEY_FIELDS.some((k) => k in v);
  if (base === undefined && isObject(mine) && isObject(theirs) && !entry(mine) && !entry(theirs))
    return merge({}, mine, theirs, at, conflicts);
  if (isObject(base) && isObject(mine) && isObject(theirs)) {
    const out: Record<string, Json> = {};
    // Keys in their order (the stored order), then any key only mine has.
    for (const key of new Set([...Object.keys(theirs), ...Object.keys(mine), ...Object.keys(base)])) {
      const v = merge(base[key], mine[key], theirs[key], [...at, key], conflicts);
      if (v !== undefined) out[key] = v;
    }
    return out;
  }
  const key = keyedLists(base, mine, theirs);
  if (key) return mergeKeyedLists(key, base as Json[], mine as Json[], theirs as Json[], at, conflicts);
  conflicts.push(at);
  return theirs;
}

/**
 * Entries merged by id: theirs in their order (an entry mine removed and they left alone is dropped),
 * then the entries only mine added, in my order. An entry one side removed and the other changed is a
 * conflict on that entry.
 */
function mergeKeyedLists(
  key: string,
  base: Json[],
  mine: Json[],
  theirs: Json[],
  at: KeyedPath,
  conflicts: KeyedPath[],
): Json[] {
  const [b, m, t] = [byKey(base, key), byKey(mine, key), byKey(theirs, key)];
  const out: Json[] = [];
  const entry = (id: string) => merge(b.get(id), m.get(id), t.get(id), [...at, { id }], conflicts);
  for (const id of t.keys()) {
    const v = entry(id);
    if (v !== undefined) out.push(v);
  }
  for (const id of m.keys()) {
    if (t.has(id)) continue;
    const v = entry(id);
    if (v !== undefined) out.push(v);
  }
  return out;
}

/** The paths at which `after` differs from `before`, as deep as objects and id-keyed lists go. */
export function changedPaths(before: Json, after: Json): KeyedPath[] {
  const out: KeyedPath[] = [];
  diff(before, after, [], out);
  return out;
}

function diff(before: Json, after: Json, at: KeyedPath, out: KeyedPath[]): void {
  if (deepEqual(before, after)) return;
  if (isObject(before) && isObject(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)]))
      diff(before[key], after[key], [...at, key], out);
    return;
  }
  const key = keyedLists(before, after);
  if (key) {
    const [b, a] = [byKey(before as Json[], key), byKey(after as Json[], key)];
    const found = out.length;
    for (const id of new Set([...b.keys(), ...a.keys()])) diff(b.get(id), a.get(id), [...at, { id }], out);
    // The same entries in another order: the list's order changed.
    if (out.length === found) out.push(at);
    return;
  }
  out.push(at);
}

const sameSegment = (a: KeyedSegment, b: KeyedSegment) =>
  typeof a === 'string' || typeof b === 'string' ? a === b : a.id === b.id;

export function startsWith(path: KeyedPath, prefix: KeyedPath): boolean {
  return prefix.length <= path.length && prefix.every((seg, i) => sameSegment(seg, path[i]!));
}

/** Two paths touch the same value when one contains the other. */
export function pathsOverlap(a: KeyedPath, b: KeyedPath): boolean {
  return startsWith(a, b) || startsWith(b, a);
}

/**
 * A path with positions (as forms and schema issues have them: ['authorities', 2, 'name']) written with
 * ids instead, read against the package the positions refer to.
 */
export function keyedPath(root: Json, path: readonly (string | number)[]): KeyedPath {
  const out: KeyedSegment[] = [];
  let v: Json = root;
  for (const seg of path) {
    if (typeof seg === 'number' && Array.isArray(v)) {
      const item: Json = v[seg];
      const key = keyOf(v);
      out.push(key && isObject(item) ? { id: item[key] as string } : String(seg));
      v = item;
    } else {
      out.push(String(seg));
      v = isObject(v) ? v[String(seg)] : undefined;
    }
  }
  return out;
}

/** A keyed path as text, for the record of changes: "authorities[k3Jq0aZx].name". */
export function pathText(path: KeyedPath): string {
  return path
    .map((seg, i) => (typeof seg === 'string' ? `${i === 0 ? '' : '.'}${seg}` : `[${seg.id}]`))
    .join('');
}

/** The positions of a keyed path in `root`; null when an entry it names is not there (removed). */
export function indexPath(root: Json, path: KeyedPath): (string | number)[] | null {
  const out: (string | number)[] = [];
  let v: Json = root;
  for (const seg of path) {
    if (typeof seg === 'string') {
      out.push(seg);
      v = isObject(v) ? v[seg] : undefined;
      continue;
    }
    const key = Array.isArray(v) ? keyOf(v) : null;
    if (!key) return null;
    const list = v as Json[];
    const i = list.findIndex((e) => isObject(e) && e[key] === seg.id);
    if (i < 0) return null;
    out.push(i);
    v = list[i];
  }
  return out;
}
