import { useBlobDownload } from '../../lib/download';
import { m } from '../../messages';
import { fetchTicketsCsv, type TicketFilters } from './api';
import { csvFileName, saveBlob } from './download';

interface Options {
  /** For tests: where the CSV comes from, where it goes and what day it is. */
  fetchCsv?: (f: TicketFilters) => Promise<Blob>;
  save?: (blob: Blob, fileName: string) => void;
  now?: () => Date;
}

/** The list with the same filters, fetched with the bearer token and downloaded as `tickets-YYYY-MM-DD.csv`. */
export function useCsvExport(filters: TicketFilters, { fetchCsv = fetchTicketsCsv, save = saveBlob, now = () => new Date() }: Options = {}) {
  return useBlobDownload({
    fetchBlob: () => fetchCsv(filters),
    fileName: () => csvFileName(now()),
    doneMessage: m.tickets.list.exported,
    save,
  });
}
