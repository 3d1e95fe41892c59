import { useState } from 'react';
import { Page } from '../../../components/Page';
import { Pager } from '../../../components/Pager';
import { QueryState } from '../../../components/QueryState';
import { m } from '../../../messages';
import { OwnPortalOnly, useViewingOther } from '../../groups';
import { useSheets } from '../api';
import { SheetTable } from '../components/SheetTable';
import { StartSheet } from '../components/StartSheet';

/** Starting a sheet belongs to a company's own portal: in another of the group, it says so instead. */
function StartSheetHere() {
  const viewingOther = useViewingOther();
  if (!viewingOther) return <StartSheet />;
  return (
    <section className="card" aria-labelledby="start-sheet">
      <h2 id="start-sheet">{m.datasheets.start.heading}</h2>
      <OwnPortalOnly />
    </section>
  );
}

/** The company's data sheets, and starting a new one from an assigned template. */
export default function DataSheetListPage() {
  // The cursors of the pages shown so far: the last is the current page's.
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1) ?? null;
  const sheets = useSheets(cursor);

  return (
    <Page title={m.datasheets.title}>
      <StartSheetHere />
      <QueryState query={sheets}>
        {(page) =>
          page.items.length === 0 && cursors.length === 0 ? (
            <p className="empty">{m.datasheets.empty}</p>
          ) : (
            <>
              <SheetTable sheets={page.items} />
              <Pager
                hasPrevious={cursors.length > 0}
                nextCursor={page.next_cursor}
                onPrevious={() => setCursors((c) => c.slice(0, -1))}
                onNext={(next) => setCursors((c) => [...c, next])}
              />
            </>
          )
        }
      </QueryState>
    </Page>
  );
}
