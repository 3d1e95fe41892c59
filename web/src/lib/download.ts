// Saving a file the app fetched (with its bearer token) as a download: the tickets' CSV export, the activity
// report's CSV.
import { useCallback, useState } from 'react';

/** Hands a blob to the browser's downloads through a temporary link, then lets its object URL go. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    // The download has taken its own reference by now; a moment's grace for slower browsers.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}

export interface BlobDownload {
  /** Where the file comes from (fetched with the bearer token). */
  fetchBlob: () => Promise<Blob>;
  /** The name it is saved under, chosen when it arrives. */
  fileName: () => string;
  /** What is announced once it is handed to the browser, given its name. */
  doneMessage: (fileName: string) => string;
  /** For tests: where it goes. */
  save?: (blob: Blob, fileName: string) => void;
}

/**
 * A file fetched on demand and saved as a download: `run` fetches and saves it; `busy` while it comes,
 * `error` to show (with a retry) when it failed, `done` to announce once saved (`run` resolves to it too,
 * or to null when it failed).
 */
export function useBlobDownload({ fetchBlob, fileName, doneMessage, save = saveBlob }: BlobDownload) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');

  const run = useCallback(async (): Promise<string | null> => {
    setBusy(true);
    setError(null);
    setDone('');
    try {
      const blob = await fetchBlob();
      const name = fileName();
      save(blob, name);
      const said = doneMessage(name);
      setDone(said);
      return said;
    } catch (e) {
      setError(e);
      return null;
    } finally {
      setBusy(false);
    }
  }, [fetchBlob, fileName, doneMessage, save]);

  return { run, busy, error, done };
}
