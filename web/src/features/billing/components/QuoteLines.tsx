import { DataTable } from '../../../components/DataTable';
import { formatNumber } from '../../../lib/format';
import { formatMoney, formatRate } from '../../../lib/money';
import { m } from '../../../messages';
import type { QuoteView } from '../api';
import styles from './BillingTable.module.css';

/** A quote's lines (description, quantity, unit price, amount) with its subtotal, tax and total. */
export function QuoteLines({ quote }: { quote: Pick<QuoteView, 'number' | 'lines' | 'subtotal' | 'tax' | 'tax_rate' | 'total' | 'currency'> }) {
  const t = m.billing.quote;
  const money = (minor: number) => formatMoney(minor, quote.currency);
  return (
    <DataTable
      caption={t.linesCaption(quote.number)}
      className={styles.table}
      columns={[
        t.columns.description,
        { label: t.columns.quantity, className: styles.money },
        { label: t.columns.unitPrice, className: styles.money },
        { label: t.columns.amount, className: styles.money },
      ]}
      footer={
        <>
          <tr>
            <th scope="row" colSpan={3}>
              {t.subtotal}
            </th>
            <td className={styles.money}>{money(quote.subtotal)}</td>
          </tr>
          <tr>
            <th scope="row" colSpan={3}>
              {t.tax(formatRate(quote.tax_rate))}
            </th>
            <td className={styles.money}>{money(quote.tax)}</td>
          </tr>
          <tr className={styles.total}>
            <th scope="row" colSpan={3}>
              {t.total}
            </th>
            <td className={styles.money}>{money(quote.total)}</td>
          </tr>
        </>
      }
    >
      {quote.lines.map((l, i) => (
        <tr key={i}>
          <td>{l.description}</td>
          <td className={styles.money}>{formatNumber(l.quantity, 2)}</td>
          <td className={styles.money}>{money(l.unit_price)}</td>
          <td className={styles.money}>{money(l.amount)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
