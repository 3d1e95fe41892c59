// An article's body as the API sends it: Markdown rendered to HTML and sanitised on the server. It is
// sanitised here again, last, right before it is put in the page, so that nothing the server let through
// by mistake (a bug there, or a proxy on the way) can run:
//
// 1. In an inert document (DOMParser: nothing in it runs or loads) headings move one level down, h1 to h2
//    and so on, so the page keeps its one h1 (the article's title).
// 2. DOMPurify, on an instance of its own, with an allow-list of text structure: paragraphs, headings,
//    lists, tables, quotes, code, emphasis, links and images. Everything able to run code or restyle the
//    page goes: script, style, iframe, object, embed, form and its controls, svg, math; every `on*`
//    handler, `style`, `class`, `id`; any URL but http(s), mailto, tel or one of this site's own
//    (`/path`, `#part`), so no `javascript:` or `data:`. An image without a usable address goes, and a
//    link to another site opens without access to this page (`rel="noopener noreferrer"`).
// Its result is what the page inserts: nothing is changed after DOMPurify.
import DOMPurify from 'dompurify';

const TAGS = [
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'code', 'col', 'colgroup', 'dd', 'del', 'div', 'dl', 'dt', 'em',
  'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 's', 'small', 'span',
  'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'u', 'ul',
];
const ATTRS = ['href', 'title', 'src', 'alt', 'colspan', 'rowspan', 'scope', 'start', 'align'];
/** Absolute http(s), mailto and tel addresses, and this site's own (`/path` but not `//host`, `#part`). */
const SAFE_URL = /^(?:https?:|mailto:|tel:|\/(?!\/)|#)/i;

let purifier: ReturnType<typeof DOMPurify> | null = null;

/** DOMPurify with this file's hooks, apart from the shared instance (the data sheets use theirs). */
function articlePurifier() {
  if (purifier) return purifier;
  const p = DOMPurify(window);
  p.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') {
      const href = node.getAttribute('href');
      if (href && /^https?:/i.test(href)) node.setAttribute('rel', 'noopener noreferrer');
      else node.removeAttribute('rel');
    }
    if (node.nodeName === 'IMG') {
      // An image with no address left (refused, or none) would be a broken picture: it goes. One that
      // says nothing of itself is taken as decoration (no alt would have it read out as a file name).
      if (!node.getAttribute('src')) node.parentNode?.removeChild(node);
      else if (!node.hasAttribute('alt')) node.setAttribute('alt', '');
    }
  });
  purifier = p;
  return p;
}

/** Headings one level down, in an inert copy of the HTML. */
function demoteHeadings(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const h of Array.from(doc.body.querySelectorAll('h1, h2, h3, h4, h5, h6')).reverse()) {
    const level = Math.min(6, Number(h.tagName[1]) + 1);
    const next = doc.createElement(`h${level}`);
    while (h.firstChild) next.appendChild(h.firstChild);
    h.replaceWith(next);
  }
  return doc.body.innerHTML;
}

/** The article's body, safe to insert. */
export function sanitiseArticle(html: string): string {
  return articlePurifier().sanitize(demoteHeadings(html), {
    ALLOWED_TAGS: TAGS,
    ALLOWED_ATTR: ATTRS,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    ALLOWED_URI_REGEXP: SAFE_URL,
    // DOMPurify checks every other attribute's value against the URL rule: these are plain values.
    ADD_URI_SAFE_ATTR: ATTRS.filter((a) => a !== 'href' && a !== 'src'),
    FORBID_TAGS: ['script', 'style', 'iframe', 'frame', 'object', 'embed', 'form', 'input', 'button', 'select', 'textarea', 'link', 'meta', 'base', 'svg', 'math', 'template', 'noscript', 'video', 'audio', 'source', 'picture'],
    FORBID_ATTR: ['style', 'class', 'id', 'name', 'srcset', 'action', 'formaction', 'background', 'poster', 'target'],
    RETURN_TRUSTED_TYPE: false,
  });
}
