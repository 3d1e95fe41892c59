import { useId } from 'react';
import { Pager } from '../../../components/Pager';
import { QueryState } from '../../../components/QueryState';
import { useCursorPages } from '../../../lib/useCursorPages';
import { m } from '../../../messages';
import { useSiteJobs } from '../api';
import { SiteJobTable } from './FieldJobTables';

interface Props {
  siteId: string;
  /** The section's class on the property's page. */
  className?: string;
}

/** A property's field jobs, newest first (section `#jobs`; module `jobs`). */
export function SiteJobs({ siteId, className }: Props) {
  const t = m.field.site;
  const headingId = useId();
  const pages = useCursorPages();
  const jobs = useSiteJobs(siteId, pages.cursor);
  return (
    <section id="jobs" className={className} aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        {t.title}
      </h2>
      <p className="muted">{t.intro}</p>
      <QueryState query={jobs}>
        {(data) => (
          <>
            <div aria-busy={jobs.isPlaceholderData || undefined}>
              <SiteJobTable jobs={data.items} page={pages.page} />
            </div>
            <Pager hasPrevious={pages.hasPrevious} nextCursor={data.next_cursor} onPrevious={pages.previous} onNext={pages.next} />
          </>
        )}
      </QueryState>
    </section>
  );
}
