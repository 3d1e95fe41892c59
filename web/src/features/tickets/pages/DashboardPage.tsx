import { useMemo } from 'react';
import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { m } from '../../../messages';
import { useDashboard } from '../api';
import { DashboardCharts } from '../dashboard/Charts';
import { figures } from '../dashboard/data';
import { SatisfactionSummary } from '../dashboard/SatisfactionSummary';

export default function DashboardPage() {
  const dashboard = useDashboard();
  const data = useMemo(() => (dashboard.data ? figures(dashboard.data) : null), [dashboard.data]);
  return (
    <Page title={m.tickets.dashboard.title}>
      <p>{m.tickets.dashboard.intro}</p>
      <QueryState query={dashboard}>
        {(d) => (
          <>
            <SatisfactionSummary satisfaction={d.satisfaction} />
            {data ? <DashboardCharts figures={data} /> : null}
          </>
        )}
      </QueryState>
    </Page>
  );
}
