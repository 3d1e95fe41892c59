import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { focusPageHeading, Page } from './Page';

function Loaded() {
  return <Page title="Ticket #7">body</Page>;
}

describe('Page', () => {
  it('keeps the focus on the heading when the loading page is replaced by the loaded one', () => {
    const { rerender } = render(<Page title="Loading">…</Page>);
    screen.getByRole('heading', { level: 1 }).focus();
    rerender(<Loaded />);
    expect(screen.getByRole('heading', { level: 1, name: 'Ticket #7' })).toHaveFocus();
  });

  it('gives the focus to a heading that appears after the navigation asked for it', () => {
    const main = document.createElement('main');
    document.body.append(main);
    act(() => focusPageHeading(main));
    render(<Page title="Documents">…</Page>);
    expect(screen.getByRole('heading', { level: 1, name: 'Documents' })).toHaveFocus();
    main.remove();
  });

  it('leaves the focus alone otherwise', () => {
    const { rerender } = render(<Page title="One">…</Page>);
    rerender(<Loaded />);
    expect(screen.getByRole('heading', { level: 1 })).not.toHaveFocus();
  });
});
