import { Page } from '../../../components/Page';
import { Pager } from '../../../components/Pager';
import { QueryState } from '../../../components/QueryState';
import { useCursorPages } from '../../../lib/useCursorPages';
import { m } from '../../../messages';
import { ActivityPanel, SpendPanel } from '../../billing/parts';
import { useMe } from '../../customers';
import { RoutinePanel, ServiceCallsPanel } from '../../field/parts';
import { useSites } from '../api';
import { DefectsPanel } from '../components/DefectsPanel';
import { MapPanel } from '../components/MapPanel';
import { SiteTable } from '../components/SiteTable';

/**
 * Properties: the map (module `site_map`), the table of sites by name, the defects panel (`defect_analytics`),
 * the quotes and invoices (`activity`) and spend (`spend`) panels, and the field service panels: routine
 * activities (`routine`) and service calls (`service_calls`).
 */
export default function SiteListPage() {
  const pages = useCursorPages();
  const sites = useSites(pages.cursor);
  const modules = useMe().data?.modules ?? [];
  const t = m.sites.list;
  return (
    <Page title={t.title}>
      <p>{t.intro}</p>
      {modules.includes('site_map') ? <MapPanel /> : null}
      <QueryState query={sites}>
        {(data) => (
          <>
            <div aria-busy={sites.isPlaceholderData || undefined}>
              <SiteTable sites={data.items} page={pages.page} quotesOn={modules.includes('quotes')} invoicesOn={modules.includes('invoices')} />
            </div>
            <Pager hasPrevious={pages.hasPrevious} nextCursor={data.next_cursor} onPrevious={pages.previous} onNext={pages.next} />
          </>
        )}
      </QueryState>
      {modules.includes('activity') ? <ActivityPanel /> : null}
      {modules.includes('defect_analytics') ? <DefectsPanel /> : null}
      {modules.includes('spend') ? <SpendPanel /> : null}
      {modules.includes('routine') ? <RoutinePanel /> : null}
      {modules.includes('service_calls') ? <ServiceCallsPanel /> : null}
    </Page>
  );
}
