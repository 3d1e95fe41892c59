import { DataTable } from '../../../components/DataTable';
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
  if (companies.every((c) => c.sites.length === 0)) return <p className="empty">{t.empty}</p>;
  return (
    <DataTable
      caption={t.caption(groupName)}
      className={styles.table}
      columns={[
        t.columns.company,
        t.columns.property,
        { label: t.columns.attention, className: styles.number },
        t.columns.worst,
        { label: t.columns.quotes, className: styles.number },
        { label: t.columns.overdue, className: styles.number },
      ]}
    >
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
    </DataTable>
  );
}
