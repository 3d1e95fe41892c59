import { afterEach, describe, expect, it, vi } from 'vitest';
import { folderPaths, openLink, openMode, sendFile, StorageError } from './api';
import { FakeXhr } from '../../test/fakeXhr';
import { TREE } from './testing';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('opening a document', () => {
  it('chooses a new tab for inline links and a download for attachments', () => {
    expect(openMode('inline')).toBe('tab');
    expect(openMode('attachment')).toBe('download');
    expect(openMode('attachment; filename="a.xlsx"')).toBe('download');
    expect(openMode('')).toBe('download');
  });

  it('opens inline links in a new tab without a handle on this window', () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    expect(openLink({ url: 'http://127.0.0.1:4566/b/a.pdf?sig', disposition: 'inline', expires_at: '' })).toBe('tab');
    expect(open).toHaveBeenCalledWith('http://127.0.0.1:4566/b/a.pdf?sig', '_blank', 'noopener');
  });

  it('downloads attachments through a temporary link', () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    expect(openLink({ url: 'http://127.0.0.1:4566/b/x.xlsx?sig', disposition: 'attachment', expires_at: '' })).toBe('download');
    expect(open).not.toHaveBeenCalled();
    expect(clicked).toHaveLength(1);
    expect(clicked[0]?.href).toBe('http://127.0.0.1:4566/b/x.xlsx?sig');
    expect(clicked[0]?.hasAttribute('download')).toBe(true);
    expect(clicked[0]?.isConnected).toBe(false);
  });
});

describe('sending a file to storage', () => {
  const upload = { url: 'http://127.0.0.1:4566/bucket/key?X-Amz-Signature=s', method: 'PUT', expires_at: '', headers: { 'content-type': 'text/plain', 'content-length': '5', host: '127.0.0.1:4566' } };

  it('PUTs the file with the signed headers the browser lets a script set, reporting progress', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    FakeXhr.answer = 200;
    const file = new File(['hello'], 'a.txt', { type: 'text/plain' });
    const progress: number[] = [];
    await sendFile(upload, file, (p) => progress.push(p));
    const xhr = FakeXhr.last;
    expect(xhr?.method).toBe('PUT');
    expect(xhr?.url).toBe(upload.url);
    expect(xhr?.headers).toEqual({ 'content-type': 'text/plain' });
    expect(xhr?.body).toBe(file);
    expect(progress).toEqual([0.5, 1]);
  });

  it('fails with a storage error when storage refuses or cannot be reached', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const file = new File(['hello'], 'a.txt', { type: 'text/plain' });
    FakeXhr.answer = 403;
    await expect(sendFile(upload, file, () => {})).rejects.toBeInstanceOf(StorageError);
    FakeXhr.answer = 0;
    await expect(sendFile(upload, file, () => {})).rejects.toBeInstanceOf(StorageError);
  });
});

it('lists every folder path for "Show all"', () => {
  expect(folderPaths(TREE)).toEqual(['Contracts', 'Contracts/2026', 'Reports']);
});
