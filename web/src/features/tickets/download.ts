// Saving a file the app fetched (with its bearer token) as a download: the saving itself is shared
// (`lib/download`); the tickets' file name is this feature's.
export { saveBlob } from '../../lib/download';

/** `tickets-YYYY-MM-DD.csv`, with the date as it is where the contact is. */
export function csvFileName(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `tickets-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}
