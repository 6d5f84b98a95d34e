/**
 * What a partial says it takes and what it reads. Each partial opens with a comment documenting its
 * params as `@param {type} name  description` (govuk-frontend's params, in a comment); `documentedParams`
 * reads them, `readNames` walks the template's syntax tree for the names it reads from its own context
 * (not from inside an #each or #with, not @data, not helpers), and `matchesType` checks a value against a
 * documented type: string, number, boolean, null, 'a literal', Array<...> or T[], and any other name
 * (an object type, such as Notice) as a non-null object.
 */
import Handlebars from 'handlebars';

export interface DocumentedParam {
  readonly name: string;
  readonly type: string;
}

/** The @param lines of the partial's first comment; `rows[].key` and `notice.title` document members. */
export function documentedParams(source: string): { top: DocumentedParam[]; all: DocumentedParam[] } {
  const first = Handlebars.parse(source).body.find((s) => s.type !== 'ContentStatement');
  if (first?.type !== 'CommentStatement') return { top: [], all: [] };
  const value = (first as hbs.AST.CommentStatement).value;
  const all = [...value.matchAll(/@param\s+\{(.+?)\}\s+([\w$]+(?:\[\])?(?:\.[\w$]+)*)/g)].map((m) => ({
    type: m[1]!.trim(),
    name: m[2]!,
  }));
  return { top: all.filter((p) => !/[.[]/.test(p.name)), all };
}

/** Whether the partial opens with a comment at all. */
export function opensWithComment(source: string): boolean {
  return Handlebars.parse(source).body[0]?.type === 'CommentStatement';
}

const HELPERS = new Set(['t', 'eq', 'concat', 'if', 'unless', 'each', 'with', 'lookup', 'log']);
const SCOPED = new Set(['each', 'with']);

/** The names the template reads from the context it is given (its params). */
export function readNames(source: string): Set<string> {
  const names = new Set<string>();
  const path = (p: hbs.AST.PathExpression, level: number) => {
    if (p.data || p.parts.length === 0) return;
    if (level - p.depth === 0) names.add(p.parts[0]!);
  };
  const expr = (e: hbs.AST.Expression | undefined, level: number) => {
    if (!e) return;
    if (e.type === 'PathExpression') path(e as hbs.AST.PathExpression, level);
    else if (e.type === 'SubExpression') call(e as hbs.AST.SubExpression, level);
  };
  const call = (
    node: { path: hbs.AST.Expression; params: hbs.AST.Expression[]; hash?: hbs.AST.Hash },
    level: number,
  ) => {
    const p = node.path as hbs.AST.PathExpression;
    const isHelper = p.type === 'PathExpression' && HELPERS.has(p.original);
    if (!isHelper) expr(node.path, level);
    for (const param of node.params) expr(param, level);
    for (const pair of node.hash?.pairs ?? []) expr(pair.value, level);
  };
  const program = (prog: hbs.AST.Program | undefined, level: number) => {
    for (const s of prog?.body ?? []) statement(s, level);
  };
  const statement = (s: hbs.AST.Statement, level: number) => {
    switch (s.type) {
      case 'MustacheStatement':
        call(s as hbs.AST.MustacheStatement, level);
        break;
      case 'BlockStatement': {
        const b = s as hbs.AST.BlockStatement;
        call(b, level);
        const helper = (b.path as hbs.AST.PathExpression).original;
        program(b.program, SCOPED.has(helper) ? level + 1 : level);
        program(b.inverse, level);
        break;
      }
      case 'PartialStatement': {
        const partial = s as hbs.AST.PartialStatement;
        if (partial.name.type === 'SubExpression') expr(partial.name, level);
        for (const param of partial.params) expr(param, level);
        for (const pair of partial.hash?.pairs ?? []) expr(pair.value, level);
        break;
      }
      default:
        break;
    }
  };
  program(Handlebars.parse(source), 0);
  return names;
}

/** Split a type at its top-level `|`s. */
function alternatives(type: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < type.length; i += 1) {
    const c = type[i];
    if (c === '<' || c === '(' || c === '{') depth += 1;
    else if (c === '>' || c === ')' || c === '}') depth -= 1;
    else if (c === '|' && depth === 0) {
      out.push(type.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(type.slice(start).trim());
  return out;
}

export function matchesType(value: unknown, type: string): boolean {
  return alternatives(type).some((alt) => {
    if (alt === 'string') return typeof value === 'string';
    if (alt === 'number') return typeof value === 'number';
    if (alt === 'boolean') return typeof value === 'boolean';
    if (alt === 'null') return value === null;
    if (/^'.*'$/.test(alt)) return value === alt.slice(1, -1);
    if (/^Array<.*>$/.test(alt) || alt.endsWith('[]')) return Array.isArray(value);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  });
}
