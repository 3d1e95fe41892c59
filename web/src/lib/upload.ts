// Files in storage, for every feature: sending bytes to a presigned address with progress, and
// opening a short-lived link the way its disposition says.

/** Where to send a file's bytes: a presigned address, and the headers that were signed with it. */
export interface PresignedUpload {
  url: string;
  method: string;
  headers: Record<string, string>;
  expires_at: string;
}

/** A short-lived link to a file, with whether the browser shows it (`inline`) or saves it. */
export interface FileLink {
  url: string;
  disposition: string;
  expires_at: string;
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
export function sendFile(upload: PresignedUpload, file: File, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<void> {
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

/** Opens a link the way its disposition says. */
export function openLink(link: FileLink, win: Window = window): 'tab' | 'download' {
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
