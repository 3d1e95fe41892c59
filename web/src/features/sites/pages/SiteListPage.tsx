import { Page } from '../../../components/Page';
import { Pager } from '../../../components/Pager';
import { QueryState } from '../../../components/QueryState';
import { useCursorPages } from '../../../lib/useCursorPages';
import { m } from '../../../messages';
import { useMe } from '../../customers';
import { useSites } from '../api';
import { MapPanel } from '../components/MapPanel';
import { SiteTable } from '../components/SiteTable';

/**
 * Properties: the map (module `site_map`) and every site by name, a page at a time. The portfolio's panels
 * (defects, quotes and invoices, spend, routine activities, service calls) are on the home page.
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
    </Page>
  );
}
