import { Page } from '../../../components/Page';
import { Pager } from '../../../components/Pager';
import { QueryState } from '../../../components/QueryState';
import { useCursorPages } from '../../../lib/useCursorPages';
import { m } from '../../../messages';
import { QUOTE_FILTERS, useQuotes, type QuoteFilter } from '../api';
import { FilterToggle } from '../../../components/FilterToggle';
import { QuoteTable } from '../components/QuoteTable';
import { useFilterParam } from '../../../lib/useFilterParam';
import styles from './ListPage.module.css';

/** Quotes: awaiting a decision (expired ones marked), authorised or declined; each opens its page. */
export default function QuoteListPage() {
  const t = m.billing.quotes;
  const [filter, setFilter] = useFilterParam(QUOTE_FILTERS);
  return (
    <Page title={t.title}>
      <p>{t.intro}</p>
      <div className={styles.head}>
        <FilterToggle legend={t.filterLegend} value={filter} options={QUOTE_FILTERS} labels={t.filter} onChange={setFilter} />
      </div>
      {/* Keyed by filter: the other list starts at its first page. */}
      <QuotePages key={filter} filter={filter} />
    </Page>
  );
}

function QuotePages({ filter }: { filter: QuoteFilter }) {
  const pages = useCursorPages();
  const quotes = useQuotes(filter, pages.cursor);
  return (
    <QueryState query={quotes}>
      {(data) => (
        <>
          <div aria-busy={quotes.isPlaceholderData || undefined}>
            <QuoteTable quotes={data.items} filter={filter} page={pages.page} />
          </div>
          {filter === 'sent' && data.items.some((q) => q.status === 'expired') ? <p className="muted">{m.billing.quotes.expiredHint}</p> : null}
          <Pager hasPrevious={pages.hasPrevious} nextCursor={data.next_cursor} onPrevious={pages.previous} onNext={pages.next} />
        </>
      )}
    </QueryState>
  );
}
