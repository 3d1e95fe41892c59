import { useRef, useState, type FormEvent } from 'react';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/Field';
import { m } from '../../../messages';
import type { TicketFilters } from '../api';
import { Segmented } from './Segmented';
import styles from './TicketFiltersBar.module.css';

interface Props {
  filters: TicketFilters;
  /** Offer Mine / All: the contact has the "see all company tickets" grant. */
  canSeeAll: boolean;
  onChange: (next: Partial<Omit<TicketFilters, 'cursor'>>) => void;
}

/** Open or closed, mine or all, and a subject search that applies when submitted (not on every key). */
export function TicketFiltersBar({ filters, canSeeAll, onChange }: Props) {
  const t = m.tickets.list;
  return (
    <div className={`toolbar ${styles.bar}`} role="group" aria-label={t.filters}>
      <Segmented
        legend={t.statusLegend}
        value={filters.status}
        options={[
          { value: 'open', label: t.open },
          { value: 'closed', label: t.closed },
        ]}
        onChange={(status) => onChange({ status })}
      />
      {canSeeAll ? (
        <Segmented
          legend={t.scopeLegend}
          value={filters.scope ?? 'all'}
          options={[
            { value: 'mine', label: t.mine },
            { value: 'all', label: t.all },
          ]}
          onChange={(scope) => onChange({ scope })}
        />
      ) : null}
      <SearchForm applied={filters.q} onSearch={(q) => onChange({ q })} />
    </div>
  );
}

function SearchForm({ applied, onSearch }: { applied: string; onSearch: (q: string) => void }) {
  const t = m.tickets.list;
  const [draft, setDraft] = useState(applied);
  const [shown, setShown] = useState(applied);
  const form = useRef<HTMLFormElement>(null);
  // Another search applied (going back in history, or cleared): the box shows it. Not by remounting the
  // form, which would drop the focus from the button just pressed.
  if (applied !== shown) {
    setShown(applied);
    setDraft(applied);
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch(draft.trim());
  };
  return (
    <form role="search" className={styles.search} onSubmit={submit} ref={form}>
      <TextField label={t.search} type="search" name="q" value={draft} maxLength={100} onChange={(e) => setDraft(e.target.value)} />
      <Button type="submit" variant="secondary">
        {t.searchButton}
      </Button>
      {applied ? (
        <Button
          variant="quiet"
          onClick={() => {
            onSearch('');
            // The button goes with the search it cleared: continue in the search box.
            form.current?.querySelector<HTMLInputElement>('input[name="q"]')?.focus();
          }}
        >
          {t.clearSearch}
        </Button>
      ) : null}
    </form>
  );
}
