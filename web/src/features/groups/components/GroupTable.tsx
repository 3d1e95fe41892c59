import { DataTable } from '../../../components/DataTable';
import { m } from '../../../messages';
import type { GroupView } from '../api';
import styles from './GroupTable.module.css';

interface Props {
  group: GroupView;
  /** The customer in view: null for the contact's own company. */
  viewed: string | null;
  onView: (customer: string | null) => void;
}

/** The group's companies (one's own first) with what needs attention in each, and the way into each portal. */
export function GroupTable({ group, viewed, onView }: Props) {
  const t = m.groups.page;
  if (group.customers.length === 0) return <p className="empty">{t.empty}</p>;
  return (
    <DataTable
      caption={t.caption(group.name)}
      className={styles.table}
      columns={[
        t.columns.company,
        { label: t.columns.defects, className: styles.count },
        { label: t.columns.quotes, className: styles.count },
        { label: t.columns.overdue, className: styles.count },
        t.columns.portal,
      ]}
    >
      {group.customers.map((c) => {
        const inView = c.home ? viewed === null : viewed === c.id;
        return (
          <tr key={c.id}>
            <th scope="row" className={styles.rowHead}>
              {c.name}
              {c.home ? <span className={styles.own}>{t.own}</span> : null}
            </th>
            <td className={styles.count}>{c.open_defects}</td>
            <td className={styles.count}>{c.quotes_awaiting}</td>
            <td className={styles.count}>{c.overdue_invoices}</td>
            <td>
              {inView ? (
                <span className="muted">{t.viewing}</span>
              ) : (
                <button
                  type="button"
                  className="btn btn-secondary"
                  aria-label={t.viewLabel(c.name)}
                  onClick={() => onView(c.home ? null : c.id)}
                >
                  {t.view}
                </button>
              )}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
