import { useCallback, useState } from 'react';
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');

  const run = useCallback(async () => {
    setBusy(true);
    setError(null);
    setDone('');
    try {
      const blob = await fetchCsv(filters);
      const name = csvFileName(now());
      save(blob, name);
      setDone(m.tickets.list.exported(name));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }, [fetchCsv, filters, now, save]);

  return { run, busy, error, done };
}
