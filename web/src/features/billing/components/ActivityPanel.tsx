import { Link } from 'react-router';
import { PanelCard } from '../../../components/PanelCard';
import { formatNumber } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { eachCurrency, formatMoney } from '../../../lib/money';
import { m } from '../../../messages';
import { useActivity, type ActivityPanel as Panel, type DueAmounts } from '../api';
import styles from './Panels.module.css';

/** The amounts of one side (`past` or `current`) in each currency, joined: `£1,200.00 and $300.00`. */
function amounts(byCurrency: Record<string, DueAmounts>, side: keyof DueAmounts): string | null {
  const parts = eachCurrency(byCurrency)
    .filter(([, a]) => a[side] !== 0)
    .map(([currency, a]) => formatMoney(a[side], currency));
  return parts.length > 0 ? parts.join(' + ') : null;
}

interface Tile {
  count: number;
  label: string;
  amountLabel: string;
  amount: string | null;
  link?: { to: string; text: string };
  urgent?: boolean;
}

/** Four figures across the portfolio: quotes awaiting and expired, invoices overdue and due, with their value. */
export function ActivityPanelView({ panel }: { panel: Panel }) {
  const t = m.billing.activity;
  const tiles: Tile[] = [
    {
      count: panel.quotes_awaiting,
      label: t.quotesAwaiting,
      amountLabel: t.valueAwaiting,
      amount: amounts(panel.quote_value, 'current'),
      link: { to: paths.quotes, text: t.seeQuotes },
    },
    { count: panel.quotes_expired, label: t.quotesExpired, amountLabel: t.valueExpired, amount: amounts(panel.quote_value, 'past') },
    {
      count: panel.invoices_overdue,
      label: t.invoicesOverdue,
      amountLabel: t.owedOverdue,
      amount: amounts(panel.owed, 'past'),
      link: { to: paths.invoices, text: t.seeInvoices },
      urgent: panel.invoices_overdue > 0,
    },
    { count: panel.invoices_due, label: t.invoicesDue, amountLabel: t.owedDue, amount: amounts(panel.owed, 'current') },
  ];
  return (
    <ul className={styles.tiles}>
      {tiles.map((tile) => (
        <li key={tile.label} className={tile.urgent ? `${styles.tile} ${styles.urgent}` : styles.tile}>
          <span className={styles.figure}>{formatNumber(tile.count)}</span> <span className={styles.label}>{tile.label}</span>
          <span className={styles.amount}>
            {tile.amountLabel}: {tile.amount ?? t.nothing}
          </span>
          {tile.link && tile.count > 0 ? (
            <Link className={styles.more} to={tile.link.to}>
              {tile.link.text}
            </Link>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The activity panel with its own loading and error states (module `activity`). */
export function ActivityPanel() {
  const t = m.billing.activity;
  const activity = useActivity();
  return (
    <PanelCard title={t.title} intro={t.intro} query={activity} className={styles.section}>
      {(data) => <ActivityPanelView panel={data} />}
    </PanelCard>
  );
}
