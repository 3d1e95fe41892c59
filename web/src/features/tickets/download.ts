// Saving a file the app fetched (with its bearer token) as a download.

/** `tickets-YYYY-MM-DD.csv`, with the date as it is where the contact is. */
export function csvFileName(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `tickets-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}

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
