import { useId } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import type { GroupCustomer, GroupView } from '../api';
import { GROUP_SITES, useGroupSites } from '../groupProperties';
import { GroupSiteTable, type CompanySites } from './GroupSiteTable';
import { SwitchLink } from './SwitchLink';

interface Props {
  group: GroupView;
  /** Opens a site in its company's portal. */
  onOpenSite: (customer: GroupCustomer, site: string) => void;
  /** Opens a company's own list of properties, in its portal. */
  onOpenSites: (customer: GroupCustomer) => void;
}

/**
 * The properties of every company of the group (the first page of each), under the map: one read per
 * company, all at once. A company with more says so, with the way to its own list.
 */
export function GroupProperties({ group, onOpenSite, onOpenSites }: Props) {
  const t = m.groups.properties;
  const headingId = useId();
  const queries = useGroupSites(group.customers);
  const companies: CompanySites[] = [];
  const more: GroupCustomer[] = [];
  group.customers.forEach((customer, i) => {
    const page = queries[i]?.data;
    if (!page) return;
    companies.push({ customer, sites: page.items });
    if (page.next_cursor) more.push(customer);
  });

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t.title}</h2>
      <p>{t.intro}</p>
      {group.customers.map((customer, i) => {
        const query = queries[i];
        return query?.isError ? (
          <div key={customer.id}>
            <p>{t.failed(customer.name)}</p>
            <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
          </div>
        ) : null;
      })}
      {queries.some((q) => q.isPending) ? (
        <Loading label={t.loading} />
      ) : (
        <>
          <GroupSiteTable groupName={group.name} companies={companies} onOpenSite={onOpenSite} />
          {more.map((customer) => (
            <p key={customer.id}>
              {t.more(customer.name, GROUP_SITES)}{' '}
              <SwitchLink to={paths.sites} onOpen={() => onOpenSites(customer)} aria-label={t.openAllLabel(customer.name)}>
                {t.openAll}
              </SwitchLink>
            </p>
          ))}
        </>
      )}
    </section>
  );
}
