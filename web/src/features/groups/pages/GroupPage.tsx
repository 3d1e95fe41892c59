import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { m } from '../../../messages';
import { useGroup, useSwitchView, useViewedCustomer } from '../api';
import { GroupTable } from '../components/GroupTable';

/** The whole group: each company with its open defects, quotes awaiting and overdue invoices. */
export default function GroupPage() {
  const group = useGroup();
  const viewed = useViewedCustomer();
  const switchView = useSwitchView();
  const t = m.groups.page;
  return (
    <Page title={group.data ? `${t.title}: ${group.data.name}` : t.title}>
      <QueryState query={group}>
        {(data) =>
          data ? (
            <>
              <p>{t.intro(data.name)}</p>
              <GroupTable group={data} viewed={viewed} onView={(c) => switchView(c)} />
            </>
          ) : (
            <p className="empty">{t.none}</p>
          )
        }
      </QueryState>
    </Page>
  );
}
