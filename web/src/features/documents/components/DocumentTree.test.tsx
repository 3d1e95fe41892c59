import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { TREE } from '../testing';
import { DocumentTree } from './DocumentTree';

function Tree({ onOpen = () => {} }: { onOpen?: (id: string) => void }) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  return (
    <DocumentTree
      root={TREE}
      expanded={expanded}
      onOpen={(d) => onOpen(d.id)}
      onToggle={(p) =>
        setExpanded((e) => {
          const n = new Set(e);
          if (n.has(p)) n.delete(p);
          else n.add(p);
          return n;
        })
      }
    />
  );
}

describe('DocumentTree', () => {
  it('keeps the focus on a document while its link is fetched, and ignores presses meanwhile', async () => {
    const onOpen = vi.fn();
    const welcome = TREE.documents.find((d) => d.name === 'Welcome.txt')!;
    render(<DocumentTree root={TREE} expanded={new Set()} onToggle={() => {}} onOpen={onOpen} opening={welcome.id} />);
    const button = screen.getByRole('button', { name: 'Welcome.txt' });
    button.focus();
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveFocus();
    await userEvent.click(button);
    expect(onOpen).not.toHaveBeenCalled();
  });

  it('starts collapsed: top-level folders and documents only', () => {
    render(<Tree />);
    const contracts = screen.getByRole('button', { name: 'Contracts' });
    expect(contracts).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByRole('button', { name: 'Reports' })).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('button', { name: 'Service agreement.pdf' })).toBeNull();
    expect(screen.queryByRole('button', { name: '2026' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Welcome.txt' })).toBeVisible();
    // The controlled list exists (hidden), so aria-controls always points somewhere.
    expect(document.getElementById(contracts.getAttribute('aria-controls') ?? '')).not.toBeNull();
  });

  it('opens and closes folders from the keyboard', async () => {
    const user = userEvent.setup();
    render(<Tree />);
    const contracts = screen.getByRole('button', { name: 'Contracts' });
    contracts.focus();
    await user.keyboard('{Enter}');
    expect(contracts).toHaveAttribute('aria-expanded', 'true');
    const year = screen.getByRole('button', { name: '2026' });
    await user.tab();
    expect(year).toHaveFocus();
    await user.keyboard(' ');
    expect(screen.getByRole('button', { name: 'Service agreement.pdf' })).toBeVisible();
    contracts.focus();
    await user.keyboard(' ');
    expect(contracts).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('button', { name: 'Service agreement.pdf' })).toBeNull();
  });

  it('describes each document by type, size and date, and opens it', async () => {
    const user = userEvent.setup();
    const onOpen = vi.fn();
    render(<Tree onOpen={onOpen} />);
    await user.click(screen.getByRole('button', { name: 'Reports' }));
    const sheet = screen.getByRole('button', { name: 'Asset register.xlsx' });
    expect(sheet).toHaveAccessibleDescription(/Excel spreadsheet/);
    expect(sheet).toHaveAccessibleDescription(/9\.6 kB|9\.6 KB/);
    expect(sheet).toHaveAccessibleDescription(/downloads/);
    expect(screen.getByRole('button', { name: 'Floor plan.png' })).toHaveAccessibleDescription(/PNG image.*opens in a new tab/);
    const item = sheet.closest('li');
    expect(within(item as HTMLElement).getByText(/2026/)).toBeInTheDocument();
    await user.click(sheet);
    expect(onOpen).toHaveBeenCalledWith('D3');
  });

  it('says when there is nothing', () => {
    render(<DocumentTree root={{ name: '', path: '', folders: [], documents: [] }} expanded={new Set()} onToggle={() => {}} onOpen={() => {}} />);
    expect(screen.getByText(/No documents have been shared/)).toBeInTheDocument();
  });
});
