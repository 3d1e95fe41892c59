import { useId } from 'react';
import { formatNumber } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import { SeverityBadge, type SiteView } from '../../sites/parts';
import type { GroupCustomer } from '../api';
import styles from './GroupSiteTable.module.css';
import { SwitchLink } from './SwitchLink';

/** One company's properties as the table lists them. */
export interface CompanySites {
  customer: GroupCustomer;
  sites: SiteView[];
}

interface Props {
  groupName: string;
  companies: CompanySites[];
  /** Opens a site in its company's portal. */
  onOpenSite: (customer: GroupCustomer, site: string) => void;
}

/**
 * Every company's properties in one table, company by company: how many open defects need attention, the
 * worst open one, the quotes awaiting a decision and the overdue invoices. Each property opens in its
 * company's portal.
 */
export function GroupSiteTable({ groupName, companies, onOpenSite }: Props) {
  const t = m.groups.properties;
  const captionId = useId();
  if (companies.every((c) => c.sites.length === 0)) return <p className="empty">{t.empty}</p>;
  return (
    // Focusable so that a keyboard can scroll it sideways on a narrow screen.
    <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={styles.table}>
        <caption id={captionId} className="visually-hidden">
          {t.caption(groupName)}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t.columns.company}</th>
            <th scope="col">{t.columns.property}</th>
            <th scope="col" className={styles.number}>
              {t.columns.attention}
            </th>
            <th scope="col">{t.columns.worst}</th>
            <th scope="col" className={styles.number}>
              {t.columns.quotes}
            </th>
            <th scope="col" className={styles.number}>
              {t.columns.overdue}
            </th>
          </tr>
        </thead>
        <tbody>
          {companies.flatMap(({ customer, sites }) =>
            sites.map((site) => (
              <tr key={site.id}>
                <td>{customer.name}</td>
                <th scope="row" className={styles.rowHead}>
                  <SwitchLink to={paths.site(site.id)} onOpen={() => onOpenSite(customer, site.id)}>
                    {site.name}
                  </SwitchLink>
                </th>
                <td className={styles.number}>{formatNumber(site.attention.open_defects)}</td>
                <td>
                  <SeverityBadge severity={site.attention.worst_severity} />
                </td>
                <td className={styles.number}>{formatNumber(site.attention.quotes_awaiting)}</td>
                <td className={styles.number}>{formatNumber(site.attention.overdue_invoices)}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}
