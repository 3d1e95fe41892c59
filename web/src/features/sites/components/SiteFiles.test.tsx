import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { SiteDocument } from '../api';
import { SiteFiles } from './SiteFiles';

const doc: SiteDocument = {
  id: 'D1',
  folder: 'Sites/Acme House',
  name: 'Fire risk assessment.pdf',
  content_type: 'application/pdf',
  size: 2048,
  created_at: '2026-11-20T10:00:00Z',
};

describe('SiteFiles', () => {
  it('lists each file with its folder and opens it on request', async () => {
    const onOpen = vi.fn();
    render(<SiteFiles documents={[doc]} opening={null} onOpen={onOpen} />);
    expect(screen.getByText(/in Sites\/Acme House/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Fire risk assessment.pdf' }));
    expect(onOpen).toHaveBeenCalledWith(doc);
  });

  it('does not ask twice while a link is on its way', async () => {
    const onOpen = vi.fn();
    render(<SiteFiles documents={[doc]} opening="D1" onOpen={onOpen} />);
    await userEvent.click(screen.getByRole('button', { name: 'Fire risk assessment.pdf' }));
    expect(onOpen).not.toHaveBeenCalled();
    expect(screen.getByText('Opening…')).toBeInTheDocument();
  });

  it('says so when nothing is shared', () => {
    render(<SiteFiles documents={[]} opening={null} onOpen={vi.fn()} />);
    expect(screen.getByText('No files are shared for this property.')).toBeInTheDocument();
  });
});
