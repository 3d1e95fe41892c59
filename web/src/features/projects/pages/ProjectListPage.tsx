import { FilterToggle } from '../../../components/FilterToggle';
import { Page } from '../../../components/Page';
import { Pager } from '../../../components/Pager';
import { QueryState } from '../../../components/QueryState';
import { useCursorPages } from '../../../lib/useCursorPages';
import { useFilterParam } from '../../../lib/useFilterParam';
import { m } from '../../../messages';
import { PROJECT_STATES, useProjects, type ProjectState } from '../api';
import { ProjectTable } from '../components/ProjectTable';

/** Projects: open or closed (in the address, `?status=closed`), soonest due first, a page at a time. */
export default function ProjectListPage() {
  const t = m.projects.list;
  const [state, setState] = useFilterParam(PROJECT_STATES);
  return (
    <Page title={t.title}>
      <p>{t.intro}</p>
      <div className="toolbar">
        <FilterToggle legend={t.filterLegend} value={state} options={PROJECT_STATES} labels={t.filter} onChange={setState} />
      </div>
      {/* Keyed by the choice: the other list starts at its first page. */}
      <ProjectPages key={state} state={state} />
    </Page>
  );
}

function ProjectPages({ state }: { state: ProjectState }) {
  const t = m.projects.list;
  const pages = useCursorPages();
  const projects = useProjects(state, pages.cursor);
  return (
    <QueryState query={projects}>
      {(data) => (
        <>
          {data.items.length === 0 ? (
            <p className="empty">{t.empty(state)}</p>
          ) : (
            <div aria-busy={projects.isPlaceholderData || undefined}>
              <ProjectTable projects={data.items} caption={t.caption(state, pages.page)} />
            </div>
          )}
          <Pager hasPrevious={pages.hasPrevious} nextCursor={data.next_cursor} onPrevious={pages.previous} onNext={pages.next} />
        </>
      )}
    </QueryState>
  );
}
