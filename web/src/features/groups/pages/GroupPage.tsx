import { useCallback } from 'react';
import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import { useGroup, useSwitchView, useViewedCustomer, type GroupCustomer } from '../api';
import { GroupMap } from '../components/GroupMap';
import { GroupReportLink } from '../components/GroupReportLink';
import { GroupProperties } from '../components/GroupProperties';
import { GroupTable } from '../components/GroupTable';

/**
 * The whole group: each company with its open defects, quotes awaiting and overdue invoices, then every
 * company's properties on one map and in one table, each opening in its company's portal.
 */
export default function GroupPage() {
  const group = useGroup();
  const viewed = useViewedCustomer();
  const switchView = useSwitchView();
  const t = m.groups.page;
  const openSite = useCallback(
    (c: GroupCustomer, site: string) => switchView(c.home ? null : c.id, paths.site(site)),
    [switchView],
  );
  const openSites = useCallback((c: GroupCustomer) => switchView(c.home ? null : c.id, paths.sites), [switchView]);
  return (
    <Page title={group.data ? `${t.title}: ${group.data.name}` : t.title}>
      <QueryState query={group}>
        {(data) =>
          data ? (
            <>
              <p>{t.intro(data.name)}</p>
              <GroupReportLink />
              <GroupTable group={data} viewed={viewed} onView={(c) => switchView(c)} />
              {data.customers.length > 0 ? (
                <>
                  <GroupMap group={data} onOpenSite={openSite} />
                  <GroupProperties group={data} onOpenSite={openSite} onOpenSites={openSites} />
                </>
              ) : null}
            </>
          ) : (
            <p className="empty">{t.none}</p>
          )
        }
      </QueryState>
    </Page>
  );
}
