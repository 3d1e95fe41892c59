import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { api } from '../../../lib/api';
import { FakeXhr, useFakeXhr } from '../../../test/fakeXhr';
import { renderWith, TREE } from '../testing';
import DocumentsPage from './DocumentsPage';

const ok = (data: unknown, status = 200) => ({ data, response: new Response(null, { status }) }) as never;
const problem = (status: number, body: unknown) => ({ error: body, response: new Response(null, { status }) }) as never;

const UPLOADED = {
  ...TREE,
  folders: [...TREE.folders, { name: 'Uploads', path: 'Uploads', folders: [], documents: [{ id: 'D9', name: 'note.txt', content_type: 'text/plain', size: 5, created_at: '2026-03-05T09:00:00Z' }] }],
};

useFakeXhr();

describe('DocumentsPage', () => {
  it('expands every folder with "Show all" and closes them with "Collapse all"', async () => {
    const user = userEvent.setup();
    vi.spyOn(api, 'GET').mockResolvedValue(ok(TREE));
    renderWith(<DocumentsPage />);
    const tree = await screen.findByRole('list', { name: 'Folders and documents' });
    expect(within(tree).queryByRole('button', { name: 'Service agreement.pdf' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Show all' }));
    for (const name of ['Contracts', '2026', 'Reports']) expect(within(tree).getByRole('button', { name })).toHaveAttribute('aria-expanded', 'true');
    expect(within(tree).getByRole('button', { name: 'Service agreement.pdf' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Collapse all' }));
    expect(within(tree).getByRole('button', { name: 'Contracts' })).toHaveAttribute('aria-expanded', 'false');
    expect(within(tree).queryByRole('button', { name: 'Floor plan.png' })).toBeNull();
  });

  it('opens the folder a search result names, and the folders above it', async () => {
    vi.spyOn(api, 'GET').mockResolvedValue(ok(TREE));
    renderWith(<DocumentsPage />, '/documents?folder=Contracts%2F2026');
    const tree = await screen.findByRole('list', { name: 'Folders and documents' });
    for (const name of ['Contracts', '2026']) expect(within(tree).getByRole('button', { name })).toHaveAttribute('aria-expanded', 'true');
    expect(within(tree).getByRole('button', { name: 'Reports' })).toHaveAttribute('aria-expanded', 'false');
    expect(within(tree).getByRole('button', { name: 'Service agreement.pdf' })).toBeVisible();
  });

  it('opens a PDF in a new tab and says so', async () => {
    const user = userEvent.setup();
    const get = vi.spyOn(api, 'GET').mockImplementation(async (path) =>
      path === '/portal/documents' ? ok(TREE) : ok({ url: 'http://127.0.0.1:4566/b/D4?sig', disposition: 'inline', expires_at: '' }),
    );
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    renderWith(<DocumentsPage />);
    await user.click(await screen.findByRole('button', { name: 'Welcome.txt' }));
    await waitFor(() => expect(open).toHaveBeenCalledWith('http://127.0.0.1:4566/b/D4?sig', '_blank', 'noopener'));
    expect(get).toHaveBeenCalledWith('/portal/documents/{id}/link', { params: { path: { id: 'D4' } } });
    expect(screen.getByText('Welcome.txt opened in a new tab.')).toBeInTheDocument();
  });

  it('uploads into Uploads with a progress bar, then lists it and announces it', async () => {
    const user = userEvent.setup();
    let tree = TREE;
    vi.spyOn(api, 'GET').mockImplementation(async () => ok(tree));
    const post = vi.spyOn(api, 'POST').mockImplementation(async (path) => {
      if (path === '/portal/documents/uploads') {
        return ok(
          { document: { id: 'D9' }, upload: { url: 'http://127.0.0.1:4566/b/D9?sig', method: 'PUT', headers: { 'content-type': 'text/plain' }, expires_at: '' } },
          201,
        );
      }
      tree = UPLOADED;
      return ok({ id: 'D9' });
    });
    renderWith(<DocumentsPage />);
    await user.upload(screen.getByLabelText('Choose a file'), new File(['hello'], 'note.txt', { type: 'text/plain' }));
    await user.click(screen.getByRole('button', { name: 'Upload' }));
    const bar = await screen.findByRole('progressbar', { name: 'Upload progress' });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '100'));
    expect(await screen.findByText('note.txt was uploaded into Uploads.')).toBeInTheDocument();
    expect(post).toHaveBeenCalledWith('/portal/documents/uploads', { body: { name: 'note.txt', content_type: 'text/plain', size: 5 } });
    expect(post).toHaveBeenCalledWith('/portal/documents/{id}/complete', { params: { path: { id: 'D9' } } });
    expect(FakeXhr.last?.url).toBe('http://127.0.0.1:4566/b/D9?sig');
    // Uploads is opened to show it.
    expect(await screen.findByRole('button', { name: 'note.txt' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Uploads' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('shows a refused type at the file field', async () => {
    const user = userEvent.setup({ applyAccept: false });
    vi.spyOn(api, 'GET').mockResolvedValue(ok(TREE));
    vi.spyOn(api, 'POST').mockResolvedValue(
      problem(422, { type: 'x/validation', title: 'Invalid', errors: [{ field: 'content_type', message: 'is not a type documents may have' }] }),
    );
    renderWith(<DocumentsPage />);
    const input = screen.getByLabelText('Choose a file');
    await user.upload(input, new File(['MZ'], 'tool.exe', { type: 'application/x-msdownload' }));
    await user.click(screen.getByRole('button', { name: 'Upload' }));
    await waitFor(() => expect(input).toHaveAccessibleDescription(/is not a type documents may have/));
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('Choose a file: is not a type documents may have');
  });

  it('says when the bytes did not reach storage, and tries again', async () => {
    const user = userEvent.setup();
    FakeXhr.answer = 0;
    vi.spyOn(api, 'GET').mockResolvedValue(ok(TREE));
    vi.spyOn(api, 'POST').mockImplementation(async (path) =>
      path === '/portal/documents/uploads'
        ? ok({ document: { id: 'D9' }, upload: { url: 'http://127.0.0.1:4566/b/D9', method: 'PUT', headers: {}, expires_at: '' } }, 201)
        : ok({ id: 'D9' }),
    );
    renderWith(<DocumentsPage />);
    await user.upload(screen.getByLabelText('Choose a file'), new File(['hello'], 'note.txt', { type: 'text/plain' }));
    await user.click(screen.getByRole('button', { name: 'Upload' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('did not reach our storage');
    FakeXhr.answer = 200;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('note.txt was uploaded into Uploads.')).toBeInTheDocument();
  });

  it('asks for a file before uploading', async () => {
    const user = userEvent.setup();
    vi.spyOn(api, 'GET').mockResolvedValue(ok(TREE));
    renderWith(<DocumentsPage />);
    await user.click(screen.getByRole('button', { name: 'Upload' }));
    expect(screen.getByLabelText('Choose a file')).toHaveAccessibleDescription(/Choose a file to upload first/);
  });

  it('focuses the file field when opened from the upload shortcut', async () => {
    vi.spyOn(api, 'GET').mockResolvedValue(ok(TREE));
    Element.prototype.scrollIntoView = vi.fn();
    renderWith(<DocumentsPage />, '/documents?upload=1');
    await waitFor(() => expect(screen.getByLabelText('Choose a file')).toHaveFocus());
  });
});
