import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, unwrap } from '../lib/api';
import type { AttachmentEndpoints } from '../lib/attachments';
import { renderWith } from '../test/render';
import { AttachmentForm, checkAttachment } from './AttachmentForm';

/** A record's calls: announcing goes through the typed client (spied on below); nothing gets further. */
const endpoints: AttachmentEndpoints = {
  queryKey: ['record', 'R1'],
  announce: (file) =>
    unwrap(api.POST('/portal/tickets/{id}/attachments', { params: { path: { id: 'R1' } }, body: { name: file.name, content_type: file.type, size: file.size } })),
  complete: () => Promise.reject(new Error('not expected')),
  link: () => Promise.reject(new Error('not expected')),
};
const HINT = 'Up to 25 MB.';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('checkAttachment', () => {
  it('accepts the listed types up to 25 MiB, and refuses others, bigger or empty files', () => {
    expect(checkAttachment(new File(['hello'], 'a.txt', { type: 'text/plain' }))).toBeUndefined();
    expect(checkAttachment(new File(['MZ'], 'tool.exe', { type: 'application/x-msdownload' }))).toMatch(/cannot be attached/);
    const big = new File(['x'], 'big.pdf', { type: 'application/pdf' });
    Object.defineProperty(big, 'size', { value: 25 * 1024 * 1024 + 1 });
    expect(checkAttachment(big)).toMatch(/Files can be up to 25 MB/);
    const exact = new File(['x'], 'max.pdf', { type: 'application/pdf' });
    Object.defineProperty(exact, 'size', { value: 25 * 1024 * 1024 });
    expect(checkAttachment(exact)).toBeUndefined();
    expect(checkAttachment(new File([], 'empty.txt', { type: 'text/plain' }))).toMatch(/empty/);
  });
});

describe('AttachmentForm', () => {
  it('refuses a type it cannot take at the file field, without asking the API', async () => {
    const user = userEvent.setup({ applyAccept: false });
    const post = vi.spyOn(api, 'POST');
    renderWith(<AttachmentForm endpoints={endpoints} hint={HINT} />);
    const input = screen.getByLabelText('Attach a file');
    await user.upload(input, new File(['MZ'], 'tool.exe', { type: 'application/x-msdownload' }));
    expect(input).toHaveAccessibleDescription(/This type of file cannot be attached/);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    await user.click(screen.getByRole('button', { name: 'Attach' }));
    expect(input).toHaveFocus();
    expect(post).not.toHaveBeenCalled();
  });

  it('refuses a file over 25 MB', async () => {
    const user = userEvent.setup();
    const post = vi.spyOn(api, 'POST');
    renderWith(<AttachmentForm endpoints={endpoints} hint={HINT} />);
    const input = screen.getByLabelText('Attach a file');
    const big = new File(['x'], 'scan.pdf', { type: 'application/pdf' });
    Object.defineProperty(big, 'size', { value: 30 * 1024 * 1024 });
    await user.upload(input, big);
    expect(input).toHaveAccessibleDescription(/This file is 30 MB\. Files can be up to 25 MB\./);
    await user.click(screen.getByRole('button', { name: 'Attach' }));
    expect(post).not.toHaveBeenCalled();
  });

  it('asks for a file first', async () => {
    const user = userEvent.setup();
    renderWith(<AttachmentForm endpoints={endpoints} hint={HINT} />);
    await user.click(screen.getByRole('button', { name: 'Attach' }));
    expect(screen.getByLabelText('Attach a file')).toHaveAccessibleDescription(/Choose a file to attach first/);
  });

  it('shows a size refusal from the API (the upload did not match) at the file field', async () => {
    const user = userEvent.setup();
    vi.spyOn(api, 'POST').mockResolvedValue({
      error: { type: 'x/validation', title: 'Invalid', status: 422, errors: [{ field: 'size', message: 'the upload did not match its announced size' }] },
      response: new Response(null, { status: 422 }),
    } as never);
    renderWith(<AttachmentForm endpoints={endpoints} hint={HINT} />);
    const input = screen.getByLabelText('Attach a file');
    await user.upload(input, new File(['hello'], 'note.txt', { type: 'text/plain' }));
    await user.click(screen.getByRole('button', { name: 'Attach' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Attach a file: the upload did not match its announced size');
    expect(input).toHaveAccessibleDescription(/the upload did not match its announced size/);
  });
});
