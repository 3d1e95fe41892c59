import { useId } from 'react';
import { formatDate } from '../../../lib/format';
import { m } from '../../../messages';
import type { InvoiceStatus, InvoiceView } from '../api';
import { formatMoney } from '../money';
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
  const captionId = useId();
  if (invoices.length === 0) return <p className="empty">{t.empty[filter]}</p>;
  const paid = filter === 'paid';
  return (
    <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={styles.table}>
        <caption id={captionId} className="visually-hidden">
          {t.caption(filter, page)}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t.columns.number}</th>
            {hideSite ? null : <th scope="col">{t.columns.site}</th>}
            <th scope="col">{t.columns.issued}</th>
            <th scope="col">{paid ? t.columns.paid : t.columns.due}</th>
            <th scope="col" className={styles.money}>
              {t.columns.total}
            </th>
            <th scope="col">{t.columns.status}</th>
            <th scope="col">{t.columns.pdf}</th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  );
}
