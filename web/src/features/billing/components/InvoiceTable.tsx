import { DataTable } from '../../../components/DataTable';
import { formatDate } from '../../../lib/format';
import { formatMoney } from '../../../lib/money';
import { m } from '../../../messages';
import type { InvoiceStatus, InvoiceView } from '../api';
import styles from './BillingTable.module.css';
import { SiteName } from './SiteName';
import { InvoiceStatusBadge } from './StatusBadges';

interface Props {
  invoices: InvoiceView[];
  filter: InvoiceStatus;
  page: number;
  /** The invoice whose PDF link is on its way, if any. */
  opening: string | null;
  onOpenPdf: (invoice: InvoiceView) => void;
  hideSite?: boolean;
}

/** Invoices in one state: number, property, issued, due (or paid), total, status (Overdue marked), the PDF. */
export function InvoiceTable({ invoices, filter, page, opening, onOpenPdf, hideSite = false }: Props) {
  const t = m.billing.invoices;
  if (invoices.length === 0) return <p className="empty">{t.empty[filter]}</p>;
  const paid = filter === 'paid';
  return (
    <DataTable
      caption={t.caption(filter, page)}
      className={styles.table}
      columns={[
        t.columns.number,
        !hideSite && t.columns.site,
        t.columns.issued,
        paid ? t.columns.paid : t.columns.due,
        { label: t.columns.total, className: styles.money },
        t.columns.status,
        t.columns.pdf,
      ]}
    >
      {invoices.map((i) => (
        <tr key={i.id}>
          <th scope="row" className={styles.rowHead}>
            {i.number}
          </th>
          {hideSite ? null : (
            <td>
              <SiteName siteId={i.site_id} />
            </td>
          )}
          <td className={styles.date}>{formatDate(i.issued_on)}</td>
          <td className={styles.date}>{paid ? formatDate(i.paid_on) || m.common.none : formatDate(i.due_on)}</td>
          <td className={styles.money}>{formatMoney(i.total, i.currency)}</td>
          <td>
            <InvoiceStatusBadge invoice={i} />
          </td>
          <td>
            {i.has_pdf ? (
              <>
                <button
                  type="button"
                  className={styles.linkButton}
                  aria-label={t.openPdfLabel(i.number)}
                  aria-busy={opening === i.id || undefined}
                  aria-disabled={opening === i.id || undefined}
                  onClick={() => {
                    if (opening !== i.id) onOpenPdf(i);
                  }}
                >
                  {t.openPdf}
                </button>
                {opening === i.id ? <span className="muted"> {t.opening}</span> : null}
              </>
            ) : (
              <span className="muted">{t.noPdf}</span>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
