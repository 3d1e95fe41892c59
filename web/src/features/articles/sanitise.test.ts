import { describe, expect, it } from 'vitest';
import { sanitiseArticle } from './sanitise';

/** The sanitised HTML, parsed (inert) to look at. */
function parsed(html: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = sanitiseArticle(html);
  return div;
}

describe('sanitiseArticle', () => {
  it('removes scripts, event handlers and javascript: links, keeping their text', () => {
    const out = parsed(
      '<p>Hi</p><script>window.__x=1</script><img src=x onerror="window.__x=1"><a href="javascript:window.__x=1">x</a>' +
        '<a href=" JaVaScRiPt:alert(1)">y</a><iframe src="https://evil.example"></iframe><svg onload="alert(1)"></svg>' +
        '<p style="color:red" onclick="alert(1)" class="c" id="i">z</p><a href="data:text/html,<script>alert(1)</script>">d</a>',
    );
    expect(out.querySelector('script, iframe, svg, style')).toBeNull();
    for (const el of Array.from(out.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) {
        expect(attr.name.startsWith('on'), `${el.tagName} ${attr.name}`).toBe(false);
        expect(['style', 'class', 'id']).not.toContain(attr.name);
        expect(attr.value.toLowerCase().replace(/\s/g, '')).not.toMatch(/^(javascript|data):/);
      }
    }
    expect(out.textContent).toBe('Hixyzd');
  });

  it('keeps text structure, links of http(s), mailto, tel and this site, and moves headings down', () => {
    const out = parsed(
      '<h1>Reset</h1><h2>Before</h2><h6>Deep</h6><table><thead><tr><th colspan="2" scope="col">P</th></tr></thead>' +
        '<tbody><tr><td>Urgent</td><td>1 hour</td></tr></tbody></table><ol start="3"><li><strong>a</strong></li></ol>' +
        '<a href="https://portal.example.com">ext</a> <a href="/tickets/new">new</a> <a href="mailto:a@b.example">m</a>' +
        ' <a href="//evil.example">pr</a> <img src="https://cdn.example/a.png" alt="A boiler"><img src="x">',
    );
    expect(Array.from(out.querySelectorAll('h1,h2,h3,h4,h5,h6')).map((h) => h.tagName)).toEqual(['H2', 'H3', 'H6']);
    expect(out.querySelector('th')).toHaveAttribute('colspan', '2');
    expect(out.querySelector('th')).toHaveAttribute('scope', 'col');
    expect(out.querySelector('ol')).toHaveAttribute('start', '3');
    const link = (text: string) => Array.from(out.querySelectorAll('a')).find((a) => a.textContent === text);
    expect(link('ext')).toHaveAttribute('href', 'https://portal.example.com');
    expect(link('ext')).toHaveAttribute('rel', 'noopener noreferrer');
    expect(link('new')).toHaveAttribute('href', '/tickets/new');
    expect(link('new')).not.toHaveAttribute('rel');
    expect(link('m')).toHaveAttribute('href', 'mailto:a@b.example');
    expect(link('pr')).not.toHaveAttribute('href');
    // The picture with an address stays; the one whose address was refused goes.
    expect(Array.from(out.querySelectorAll('img')).map((i) => i.getAttribute('alt'))).toEqual(['A boiler']);
  });
});
