import { Fragment, useId, type ReactNode } from 'react';
import { formatDate, formatMonth } from '../../../lib/format';
import { m } from '../../../messages';
import type { FieldView } from '../api';
import { OutcomeBadge, StageBadge } from './Badges';
import { SiteName } from './SiteName';

function day(value: string | null | undefined, missing: string): ReactNode {
  return value ? <time dateTime={value}>{formatDate(value)}</time> : <span className="muted">{missing}</span>;
}

/** A job's field side: where, routine or service call, its stage, when due or logged and done, the outcome. */
export function FieldFacts({ field, className }: { field: FieldView; className?: string }) {
  const t = m.field.facts;
  const headingId = useId();
  const routine = field.kind === 'routine';
  const rows: [string, ReactNode][] = [
    [t.site, <SiteName siteId={field.site_id} />],
    [t.kind, m.field.kind[field.kind]],
    [t.stage, <StageBadge stage={field.stage} />],
    ...(routine
      ? ([
          [t.dueMonth, field.due_month ? formatMonth(field.due_month) : <span className="muted">{m.jobs.notSet}</span>],
          [t.tolerance, t.toleranceDays(field.tolerance_days)],
        ] satisfies [string, ReactNode][])
      : []),
    [t.logged, day(field.logged_on, m.jobs.notSet)],
    [t.performed, day(field.performed_on, t.notPerformed)],
    ...(routine && field.outcome ? ([[t.outcome, <OutcomeBadge outcome={field.outcome} />]] satisfies [string, ReactNode][]) : []),
  ];
  return (
    <section className={className} aria-labelledby={headingId}>
      <h2 id={headingId}>{t.title}</h2>
      <dl className="facts">
        {rows.map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}
