import { useId } from 'react';
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
  const captionId = useId();
  if (group.customers.length === 0) return <p className="empty">{t.empty}</p>;
  return (
    <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={styles.table}>
        <caption id={captionId} className="visually-hidden">
          {t.caption(group.name)}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t.columns.company}</th>
            <th scope="col" className={styles.count}>
              {t.columns.defects}
            </th>
            <th scope="col" className={styles.count}>
              {t.columns.quotes}
            </th>
            <th scope="col" className={styles.count}>
              {t.columns.overdue}
            </th>
            <th scope="col">{t.columns.portal}</th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  );
}
