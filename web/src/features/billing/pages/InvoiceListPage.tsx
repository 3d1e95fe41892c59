import { ErrorAlert } from '../../../components/ErrorAlert';
import { Page } from '../../../components/Page';
import { Pager } from '../../../components/Pager';
import { QueryState } from '../../../components/QueryState';
import { useCursorPages } from '../../../lib/useCursorPages';
import { m } from '../../../messages';
import { openLink } from '../../documents';
import { INVOICE_FILTERS, useInvoicePdf, useInvoices, type InvoiceStatus } from '../api';
import { FilterToggle } from '../../../components/FilterToggle';
import { InvoiceTable } from '../components/InvoiceTable';
import { useFilterParam } from '../../../lib/useFilterParam';
import styles from './ListPage.module.css';

/** Invoices: unpaid (overdue marked, earliest due first), paid or void; a PDF opens in a new tab. */
export default function InvoiceListPage() {
  const t = m.billing.invoices;
  const [filter, setFilter] = useFilterParam(INVOICE_FILTERS);
  return (
    <Page title={t.title}>
      <p>{t.intro}</p>
      <div className={styles.head}>
        <FilterToggle legend={t.filterLegend} value={filter} options={INVOICE_FILTERS} labels={t.filter} onChange={setFilter} />
      </div>
      <InvoicePages key={filter} filter={filter} />
    </Page>
  );
}

function InvoicePages({ filter }: { filter: InvoiceStatus }) {
  const pages = useCursorPages();
  const invoices = useInvoices(filter, pages.cursor);
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
