import { useId, useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Pager } from '../../../components/Pager';
import { QueryState } from '../../../components/QueryState';
import { paths } from '../../../lib/paths';
import { useCursorPages } from '../../../lib/useCursorPages';
import { m } from '../../../messages';
import { openLink } from '../../documents';
import {
  INVOICE_FILTERS,
  QUOTE_FILTERS,
  useInvoicePdf,
  useSiteInvoices,
  useSiteQuotes,
  type InvoiceStatus,
  type QuoteFilter,
} from '../api';
import { FilterToggle } from '../../../components/FilterToggle';
import { InvoiceTable } from './InvoiceTable';
import { QuoteTable } from './QuoteTable';
import styles from './SiteBilling.module.css';

interface Props {
  siteId: string;
  /** The section's class on the property's page. */
  className?: string;
}

/** A property's quotes (section `#quotes`): awaiting, authorised or declined. */
export function SiteQuotes({ siteId, className }: Props) {
  const t = m.billing;
  const headingId = useId();
  const [filter, setFilter] = useState<QuoteFilter>('sent');
  return (
    <section id="quotes" className={className} aria-labelledby={headingId}>
      <div className={styles.head}>
        <h2 id={headingId} tabIndex={-1}>
          {t.site.quotes}
        </h2>
        <FilterToggle legend={t.quotes.filterLegend} value={filter} options={QUOTE_FILTERS} labels={t.quotes.filter} onChange={setFilter} />
      </div>
      <SiteQuotePages key={filter} siteId={siteId} filter={filter} />
      <p>
        <Link to={filter === 'sent' ? paths.quotes : paths.quotesIn(filter)}>{t.site.allQuotes}</Link>
      </p>
    </section>
  );
}

function SiteQuotePages({ siteId, filter }: { siteId: string; filter: QuoteFilter }) {
  const pages = useCursorPages();
  const quotes = useSiteQuotes(siteId, filter, pages.cursor);
  return (
    <QueryState query={quotes}>
      {(data) => (
        <>
          <div aria-busy={quotes.isPlaceholderData || undefined}>
            <QuoteTable quotes={data.items} filter={filter} page={pages.page} hideSite />
          </div>
          <Pager hasPrevious={pages.hasPrevious} nextCursor={data.next_cursor} onPrevious={pages.previous} onNext={pages.next} />
        </>
      )}
    </QueryState>
  );
}

/** A property's invoices (section `#invoices`): unpaid (overdue marked), paid or void, with their PDFs. */
export function SiteInvoices({ siteId, className }: Props) {
  const t = m.billing;
  const headingId = useId();
  const [filter, setFilter] = useState<InvoiceStatus>('unpaid');
  return (
    <section id="invoices" className={className} aria-labelledby={headingId}>
      <div className={styles.head}>
        <h2 id={headingId} tabIndex={-1}>
          {t.site.invoices}
        </h2>
        <FilterToggle
          legend={t.invoices.filterLegend}
          value={filter}
          options={INVOICE_FILTERS}
          labels={t.invoices.filter}
          onChange={setFilter}
        />
      </div>
      <SiteInvoicePages key={filter} siteId={siteId} filter={filter} />
      <p>
        <Link to={filter === 'unpaid' ? paths.invoices : paths.invoicesIn(filter)}>{t.site.allInvoices}</Link>
      </p>
    </section>
  );
}

function SiteInvoicePages({ siteId, filter }: { siteId: string; filter: InvoiceStatus }) {
  const pages = useCursorPages();
  const invoices = useSiteInvoices(siteId, filter, pages.cursor);
  const pdf = useInvoicePdf();
  return (
    <>
      {pdf.isError ? <ErrorAlert error={pdf.error} /> : null}
      <QueryState query={invoices}>
        {(data) => (
          <>
            <div aria-busy={invoices.isPlaceholderData || undefined}>
              <InvoiceTable
                invoices={data.items}
                filter={filter}
                page={pages.page}
                hideSite
                opening={pdf.isPending ? (pdf.variables ?? null) : null}
                onOpenPdf={(i) => pdf.mutate(i.id, { onSuccess: (l) => openLink(l) })}
              />
            </div>
            <Pager hasPrevious={pages.hasPrevious} nextCursor={data.next_cursor} onPrevious={pages.previous} onNext={pages.next} />
          </>
        )}
      </QueryState>
    </>
  );
}
