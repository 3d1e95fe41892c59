import { Link } from 'react-router';
import { formatDate } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import type { TicketRow } from '../api';
import styles from './Home.module.css';

/** The newest tickets, each linking to its page, with its status in words. */
export function RecentTickets({ tickets }: { tickets: TicketRow[] }) {
  const t = m.home.tickets;
  if (tickets.length === 0) return <p className="empty">{t.none}</p>;
  return (
    <ul className={styles.list}>
      {tickets.map((row) => (
        <li key={row.id}>
          <Link to={paths.ticket(row.id)}>
            {t.number(row.number)} {row.subject}
          </Link>
          <span className={styles.meta}>
            <span className="badge">{t.status[row.status] ?? row.status}</span>
            <span className="muted">{t.opened(formatDate(row.created_at))}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
