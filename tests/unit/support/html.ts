/**
 * A small, strict reader of the HTML our templates write: elements with their attributes (decoded), text
 * and children, so a test can check a label's `for` against an input's id rather than match strings. It
 * knows the void elements and self-closing SVG tags; any other tag left open or closed out of order is
 * an error (our templates close everything), which makes a malformed partial fail its test.
 */
import { decodeEntities } from '../../http/helpers';

export interface HtmlElement {
  readonly tag: string;
  readonly attrs: ReadonlyMap<string, string>;
  readonly children: readonly HtmlNode[];
  readonly parent: HtmlElement | null;
}

export type HtmlNode = HtmlElement | string;

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'wbr',
]);

const TOKEN =
  /<!--[\s\S]*?-->|<!DOCTYPE[^>]*>|<\/([a-zA-Z][\w-]*)\s*>|<([a-zA-Z][\w-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>|[^<]+/gi;
const ATTR = /([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

interface Building {
  tag: string;
  attrs: Map<string, string>;
  children: HtmlNode[];
  parent: Building | null;
}

/** Parse a page or a fragment; the result is a root element (tag "#root") holding it. */
export function parseHtml(html: string): HtmlElement {
  const root: Building = { tag: '#root', attrs: new Map(), children: [], parent: null };
  let open = root;
  for (const m of html.matchAll(TOKEN)) {
    const [token, closing, opening, attrText, selfClosing] = m;
    if (token.startsWith('<!')) continue;
    if (closing !== undefined) {
      const tag = closing.toLowerCase();
      if (open.tag !== tag) throw new Error(`</${tag}> closes <${open.tag}> at ${m.index}`);
      open = open.parent!;
    } else if (opening !== undefined) {
      const tag = opening.toLowerCase();
      const attrs = new Map<string, string>();
      for (const a of (attrText ?? '').matchAll(ATTR)) {
        const name = a[1]!.toLowerCase();
        if (attrs.has(name)) throw new Error(`<${tag}> has ${name} twice`);
        attrs.set(name, decodeEntities(a[2] ?? a[3] ?? a[4] ?? ''));
      }
      const element: Building = { tag, attrs, children: [], parent: open };
      open.children.push(element);
      if (!VOID.has(tag) && selfClosing !== '/') open = element;
    } else if (token.startsWith('<')) {
      throw new Error(`unreadable markup at ${m.index}: ${token.slice(0, 40)}`);
    } else {
      open.children.push(decodeEntities(token));
    }
  }
  if (open !== root) throw new Error(`<${open.tag}> is never closed`);
  return root;
}

export function isElement(node: HtmlNode): node is HtmlElement {
  return typeof node !== 'string';
}

/** Every element under `from` (depth first, document order) that matches. */
export function findAll(from: HtmlElement, match: (e: HtmlElement) => boolean): HtmlElement[] {
  const out: HtmlElement[] = [];
  const walk = (e: HtmlElement) => {
    for (const child of e.children) {
      if (!isElement(child)) continue;
      if (match(child)) out.push(child);
      walk(child);
    }
  };
  walk(from);
  return out;
}

export function byTag(from: HtmlElement, tag: string): HtmlElement[] {
  return findAll(from, (e) => e.tag === tag);
}

export function byId(from: HtmlElement, id: string): HtmlElement | null {
  return findAll(from, (e) => e.attrs.get('id') === id)[0] ?? null;
}

export function hasClass(e: HtmlElement, name: string): boolean {
  return (e.attrs.get('class') ?? '').split(/\s+/).includes(name);
}

export function byClass(from: HtmlElement, name: string): HtmlElement[] {
  return findAll(from, (e) => hasClass(e, name));
}

/** The text inside an element, entities decoded, spaces collapsed. */
export function textContent(node: HtmlNode): string {
  const raw = (n: HtmlNode): string => (isElement(n) ? n.children.map(raw).join('') : n);
  return raw(node).replace(/\s+/g, ' ').trim();
}

/** The closest ancestor (or the element itself) that matches. */
export function closest(e: HtmlElement, match: (e: HtmlElement) => boolean): HtmlElement | null {
  for (let at: HtmlElement | null = e; at; at = at.parent) if (match(at)) return at;
  return null;
}
