import { useId } from 'react';
import { formatNumber } from '../../../lib/format';
import { m } from '../../../messages';
import type { QuoteView } from '../api';
import { formatMoney, formatRate } from '../money';
import styles from './BillingTable.module.css';

/** A quote's lines (description, quantity, unit price, amount) with its subtotal, tax and total. */
export function QuoteLines({ quote }: { quote: Pick<QuoteView, 'number' | 'lines' | 'subtotal' | 'tax' | 'tax_rate' | 'total' | 'currency'> }) {
  const t = m.billing.quote;
  const captionId = useId();
  const money = (minor: number) => formatMoney(minor, quote.currency);
  return (
    <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={styles.table}>
        <caption id={captionId} className="visually-hidden">
          {t.linesCaption(quote.number)}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t.columns.description}</th>
            <th scope="col" className={styles.money}>
              {t.columns.quantity}
            </th>
            <th scope="col" className={styles.money}>
              {t.columns.unitPrice}
            </th>
            <th scope="col" className={styles.money}>
              {t.columns.amount}
            </th>
          </tr>
        </thead>
        <tbody>
          {quote.lines.map((l, i) => (
            <tr key={i}>
              <td>{l.description}</td>
              <td className={styles.money}>{formatNumber(l.quantity, 2)}</td>
              <td className={styles.money}>{money(l.unit_price)}</td>
              <td className={styles.money}>{money(l.amount)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
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
        </tfoot>
      </table>
    </div>
  );
}
