// A template's HTML layout, written by staff and therefore untrusted, made safe to show.
//
// 1. DOMPurify with an explicit allow-list keeps text structure only: paragraphs, headings, lists, tables,
//    emphasis and links. Everything able to run code, load something or restyle the page is removed:
//    script, style, iframe, object, embed, form and its controls, link, meta, base, svg and math; every
//    `on*` handler, `style`, `class`, `id`/`name` (they could clash with the page's own), `data-*` and
//    `aria-*`; any URL that is not http(s), mailto or tel (so no `javascript:` or `data:`).
//    Images are dropped altogether: a layout has no same-origin place to load one from, and any `src`
//    would be a request to somewhere else (tracking, or the address of the person looking).
// 2. The sanitised HTML is parsed by DOMParser into an inert document (nothing in it runs or loads) and
//    walked into a plain tree; the walk applies the same allow-list again, so nothing reaches React that
//    the list does not name. `{{ key }}` placeholders in text become slots where the page puts the
//    sheet's fields as React-managed controls. No HTML string is ever inserted into the page.
// Headings are moved one level down (h1 becomes h2, …) so the page keeps its one h1.
import DOMPurify from 'dompurify';
import { createElement, Fragment, type ReactNode } from 'react';

const TAGS = [
  'a', 'abbr', 'article', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'col', 'colgroup', 'dd', 'del', 'dfn',
  'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'ins', 'kbd', 'li',
  'mark', 'ol', 'p', 'pre', 'q', 's', 'section', 'small', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul',
] as const;

/** Attribute (as HTML names it) → React prop. */
const ATTRS: Record<string, string> = {
  href: 'href',
  title: 'title',
  colspan: 'colSpan',
  rowspan: 'rowSpan',
  scope: 'scope',
  abbr: 'abbr',
  lang: 'lang',
  dir: 'dir',
  datetime: 'dateTime',
};

const SAFE_URL = /^(?:https?:|mailto:|tel:)/i;
const VOID = new Set(['br', 'hr', 'col']);
/** Where the HTML parser keeps no text, and React refuses whitespace text. */
const NO_TEXT = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'colgroup']);
const ALLOWED = new Set<string>(TAGS);
const PLACEHOLDER = /\{\{\s*([a-z][a-z0-9_]*)\s*\}\}/g;

/** The allow-list sanitiser: the layout's HTML with only the tags and attributes named above. */
export function sanitiseLayout(html: string): string {
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS: [...TAGS],
    ALLOWED_ATTR: Object.keys(ATTRS),
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    ALLOWED_URI_REGEXP: SAFE_URL,
    // DOMPurify checks every other attribute's value against the URL rule: these are plain values.
    ADD_URI_SAFE_ATTR: Object.keys(ATTRS).filter((a) => a !== 'href'),
    // Named again so that a change to the allow-list cannot let them in by accident.
    FORBID_TAGS: ['script', 'style', 'iframe', 'frame', 'object', 'embed', 'form', 'input', 'button', 'select', 'textarea', 'link', 'meta', 'base', 'img', 'picture', 'source', 'video', 'audio', 'svg', 'math', 'template', 'noscript'],
    FORBID_ATTR: ['style', 'src', 'srcset', 'class', 'id', 'name', 'action', 'formaction', 'background', 'poster'],
    RETURN_TRUSTED_TYPE: false,
  });
}

/** The layout as a plain tree: text, allowed elements, and slots for fields. */
export type LayoutNode =
  | string
  | { slot: string; repeat: boolean }
  | { tag: string; props: Record<string, string>; children: LayoutNode[] };

function walk(node: Node, parentTag: string, keys: ReadonlySet<string>, seen: Set<string>): LayoutNode[] {
  if (node.nodeType === Node.TEXT_NODE) {
    const text = node.textContent ?? '';
    if (NO_TEXT.has(parentTag)) return [];
    const out: LayoutNode[] = [];
    let last = 0;
    for (const match of text.matchAll(PLACEHOLDER)) {
      const key = match[1] ?? '';
      if (!keys.has(key)) continue;
      if (match.index > last) out.push(text.slice(last, match.index));
      out.push({ slot: key, repeat: seen.has(key) });
      seen.add(key);
      last = match.index + match[0].length;
    }
    if (last < text.length) out.push(text.slice(last));
    return out;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) return [];
  const el = node as Element;
  const tag = el.tagName.toLowerCase();
  const children = VOID.has(tag) ? [] : Array.from(el.childNodes).flatMap((c) => walk(c, tag, keys, seen));
  if (!ALLOWED.has(tag)) return children;
  const props: Record<string, string> = {};
  for (const attr of Array.from(el.attributes)) {
    const prop = ATTRS[attr.name.toLowerCase()];
    if (!prop) continue;
    if (prop === 'href' && !SAFE_URL.test(attr.value.trim())) continue;
    props[prop] = attr.value;
  }
  // A link whose address was refused is only its text.
  if (tag === 'a' && !props.href) return children;
  if (tag === 'a') {
    // A link leaves the sheet's window alone.
    props.target = '_blank';
    props.rel = 'noopener noreferrer';
  }
  const level = /^h([1-6])$/.exec(tag);
  const out = level ? `h${Math.min(6, Number(level[1]) + 1)}` : tag;
  return [{ tag: out, props, children }];
}

/** Sanitises and parses a layout; `keys` are the template's field keys (other placeholders stay text). */
export function parseLayout(html: string, keys: ReadonlySet<string>): LayoutNode[] {
  const clean = sanitiseLayout(html);
  const doc = new DOMParser().parseFromString(clean, 'text/html');
  const seen = new Set<string>();
  return Array.from(doc.body.childNodes).flatMap((n) => walk(n, 'body', keys, seen));
}

/** The field keys the layout has a place for. */
export function placedKeys(nodes: LayoutNode[], into = new Set<string>()): Set<string> {
  for (const n of nodes) {
    if (typeof n === 'string') continue;
    if ('slot' in n) into.add(n.slot);
    else placedKeys(n.children, into);
  }
  return into;
}

/** The tree as React elements; `slot` gives each placeholder's content (a field's control). */
export function renderLayout(nodes: LayoutNode[], slot: (key: string, repeat: boolean) => ReactNode): ReactNode[] {
  return nodes.map((n, i) => {
    if (typeof n === 'string') return n;
    if ('slot' in n) return createElement(Fragment, { key: i }, slot(n.slot, n.repeat));
    return createElement(n.tag, { ...n.props, key: i }, ...(VOID.has(n.tag) ? [] : renderLayout(n.children, slot)));
  });
}
