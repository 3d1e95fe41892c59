import { m } from '../../../messages';
import type { InvoiceView, QuoteState } from '../api';
import styles from './StatusBadges.module.css';

/** A quote's state in words: awaiting a decision, authorised, declined, or expired (past its last day). */
export function QuoteStatusBadge({ status }: { status: QuoteState }) {
  return <span className={`badge ${styles[status] ?? ''}`}>{m.billing.quoteStatus[status]}</span>;
}

/** An invoice's state in words; an unpaid one past its due date says Overdue. */
export function InvoiceStatusBadge({ invoice }: { invoice: Pick<InvoiceView, 'status' | 'overdue'> }) {
  const key = invoice.status === 'unpaid' && invoice.overdue ? 'overdue' : invoice.status;
  return <span className={`badge ${styles[key] ?? ''}`}>{m.billing.invoiceStatus[key]}</span>;
}
