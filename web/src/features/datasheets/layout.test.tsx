import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LayoutFields } from './components/LayoutFields';
import { parseLayout, sanitiseLayout } from './layout';
import { FIELDS } from './testing';

const HOSTILE = `
<h1>Site survey</h1>
<script>window.__pwned=1</script>
<img src=x onerror="window.__pwned=1">
<iframe src="https://evil.example/"></iframe>
<a href="javascript:alert(1)">click me</a>
<div style="background:url(https://evil.example/x)">Styled</div>
<p onclick="window.__pwned=1" class="skip-link" id="page-title">Site: {{ site }}</p>
<svg><script>window.__pwned=1</script></svg>
<object data="https://evil.example/o"></object><embed src="https://evil.example/e">
<form action="https://evil.example/f"><input name="x"></form>
<link rel="stylesheet" href="https://evil.example/s.css"><meta http-equiv="refresh" content="0;url=https://evil.example/">
<base href="https://evil.example/">
<style>body{background:url(https://evil.example/bg)}</style>
<a href="data:text/html,<script>alert(1)</script>">data link</a>
<a href="https://example.com/help">Help</a>
<table><tr><th scope="row" colspan="1" onmouseover="x()">Floors</th><td>{{ floors }}</td></tr></table>
`;

const editor = { form: {}, errors: {}, change: () => {}, locked: false };

function renderLayout(html: string, locked = false) {
  return render(<LayoutFields html={html} fields={FIELDS} editor={{ ...editor, locked }} />);
}

/** Everything in the rendered DOM that could run, load or restyle something. */
function dangers(root: HTMLElement): string[] {
  const found: string[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const tag = el.tagName.toLowerCase();
    if (['script', 'iframe', 'img', 'object', 'embed', 'style', 'link', 'meta', 'base', 'svg', 'frame', 'form'].includes(tag)) found.push(`<${tag}>`);
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on') || ['style', 'src', 'srcset', 'action', 'formaction', 'data', 'background'].includes(name)) found.push(`${tag}[${name}]`);
      if (/^\s*(javascript|data|vbscript):/i.test(attr.value)) found.push(`${tag}[${name}=${attr.value}]`);
    }
  }
  return found;
}

describe('a staff layout is rendered without anything that runs or loads', () => {
  it('strips script, event handlers, frames, javascript: and data: links and styles', () => {
    const { container } = renderLayout(HOSTILE);
    const layout = container.firstElementChild as HTMLElement;
    expect(layout.querySelectorAll('script, iframe, img, object, embed, style, link, meta, base, svg, form')).toHaveLength(0);
    expect(layout.querySelectorAll('[style]')).toHaveLength(0);
    expect(layout.querySelectorAll('[onerror], [onclick], [onload]')).toHaveLength(0);
    expect(Array.from(layout.querySelectorAll('a')).map((a) => a.getAttribute('href'))).toEqual(['https://example.com/help']);
    expect(layout.querySelector('#page-title')).toBeNull();
    expect(dangers(layout)).toEqual([]);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    // The text survives; the safe link opens elsewhere without a handle on this window.
    expect(layout).toHaveTextContent('Styled');
    expect(layout).toHaveTextContent('click me');
    expect(screen.getByRole('link', { name: 'Help' })).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('keeps no attribute outside the allow-list on the layout’s own elements', () => {
    const nodes = parseLayout(HOSTILE, new Set(FIELDS.map((f) => f.key)));
    const attrs = new Set<string>();
    const visit = (list: typeof nodes) => {
      for (const n of list) {
        if (typeof n === 'string' || 'slot' in n) continue;
        Object.keys(n.props).forEach((k) => attrs.add(k));
        visit(n.children);
      }
    };
    visit(nodes);
    expect([...attrs].sort()).toEqual(['colSpan', 'href', 'rel', 'scope', 'target']);
  });

  it('never lets through a dangerous tag even in odd markup', () => {
    const clean = sanitiseLayout('<scr<script>ipt>alert(1)</script><IMG SRC="jav&#x09;ascript:alert(1)"><math><mtext><table><mglyph><style><img src=x onerror=alert(1)>');
    expect(clean).not.toMatch(/<(script|img|style|math|iframe)/i);
    expect(clean).not.toMatch(/onerror|javascript/i);
  });

  it('puts the sheet’s fields at the placeholders as labelled controls, and the rest after the layout', () => {
    renderLayout('<h1>Survey</h1><p>Site: {{ site }}</p><table><tr><td>{{ floors }}</td><td>{{ floors }}</td></tr></table><p>{{ unknown_key }}</p>');
    expect(screen.getByRole('heading', { level: 2, name: 'Survey' })).toBeInTheDocument();
    const site = screen.getByRole('textbox', { name: /Site name/ });
    expect(site.closest('p')).toHaveTextContent(/^Site:/);
    // Placed twice: one control, the other place shows the value.
    expect(screen.getAllByRole('spinbutton', { name: /Floors/ })).toHaveLength(1);
    // A placeholder for no field stays text; fields without a place follow under "Other fields".
    expect(screen.getByText('{{ unknown_key }}')).toBeInTheDocument();
    const other = screen.getByRole('region', { name: 'Other fields' });
    expect(within(other).getByRole('textbox', { name: /Notes/ })).toBeInTheDocument();
    expect(within(other).getByRole('group', { name: /Equipment/ })).toBeInTheDocument();
    expect(within(other).queryByRole('textbox', { name: /Site name/ })).toBeNull();
  });

  it('shows values instead of controls once the sheet is locked', () => {
    render(<LayoutFields html="<p>Site: {{ site }}</p>" fields={FIELDS} editor={{ ...editor, form: { site: 'HQ' }, locked: true }} />);
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.getByText('HQ')).toBeInTheDocument();
  });
});
