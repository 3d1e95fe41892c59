// Documents: the company's folder tree, links to open a document, and uploads straight to storage.
import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type components } from '../../lib/api';

export type Folder = components['schemas']['Folder'];
export type DocumentEntry = components['schemas']['DocumentEntry'];
export type DocumentLink = components['schemas']['Link'];
export type Upload = components['schemas']['Upload'];
export type UploadTicket = components['schemas']['UploadTicket'];

export const documentKeys = {
  tree: ['documents', 'tree'] as const,
};

export function useDocumentTree() {
  return useQuery({ queryKey: documentKeys.tree, queryFn: () => unwrap(api.GET('/portal/documents')) });
}

/** A link valid for five minutes, with whether the browser shows it (`inline`) or saves it. */
export function documentLink(id: string): Promise<DocumentLink> {
  return unwrap(api.GET('/portal/documents/{id}/link', { params: { path: { id } } }));
}

/** Announces the upload (name, type, size) and gets where to send the bytes. */
export function announceUpload(file: File): Promise<UploadTicket> {
  return unwrap(api.POST('/portal/documents/uploads', { body: { name: file.name, content_type: file.type, size: file.size } }));
}

/** The upload is in storage: the API checks it against what was announced. */
export function completeUpload(id: string) {
  return unwrap(api.POST('/portal/documents/{id}/complete', { params: { path: { id } } }));
}

/** The bytes did not reach storage (network, refusal by the storage service, or cancelled). */
export class StorageError extends Error {
  readonly status: number;
  constructor(status: number) {
    super(`storage answered ${status}`);
    this.name = 'StorageError';
    this.status = status;
  }
}

/** Headers a script may not set: the browser sets them itself from the request. */
const BROWSER_SET = new Set(['content-length', 'host', 'connection', 'expect']);

/**
 * Sends the file to the presigned address with exactly the signed headers, reporting progress (0–1).
 * XMLHttpRequest rather than fetch: only it reports upload progress.
 */
export function sendFile(upload: Upload, file: File, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(upload.method || 'PUT', upload.url);
    for (const [name, value] of Object.entries(upload.headers)) {
      if (!BROWSER_SET.has(name.toLowerCase())) xhr.setRequestHeader(name, value);
    }
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve();
      } else reject(new StorageError(xhr.status));
    };
    xhr.onerror = () => reject(new StorageError(0));
    xhr.onabort = () => reject(new StorageError(0));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}

/** How a link opens: in a new tab where the browser can show it, as a download otherwise. */
export function openMode(disposition: string): 'tab' | 'download' {
  return disposition.trim().toLowerCase().startsWith('inline') ? 'tab' : 'download';
}

/** Opens a document's link the way its disposition says. */
export function openLink(link: DocumentLink, win: Window = window): 'tab' | 'download' {
  const mode = openMode(link.disposition);
  if (mode === 'tab') {
    win.open(link.url, '_blank', 'noopener');
  } else {
    const a = win.document.createElement('a');
    a.href = link.url;
    a.download = '';
    a.rel = 'noopener';
    win.document.body.append(a);
    a.click();
    a.remove();
  }
  return mode;
}

/** Every folder path in the tree (for "Show all"). */
export function folderPaths(folder: Folder, into: string[] = []): string[] {
  for (const f of folder.folders) {
    into.push(f.path);
    folderPaths(f, into);
  }
  return into;
}
