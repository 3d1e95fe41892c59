import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { Pager } from '../../../components/Pager';
import { formatMonth } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { useCursorPages } from '../../../lib/useCursorPages';
import { m } from '../../../messages';
import { useServiceCalls, type JobStage } from '../api';
import { isMonth, isStage, STAGES, stageLabel } from '../field';
import { ServiceCallTable } from '../components/FieldJobTables';
import { ListProblem } from '../components/ListProblem';
import { MonthNav } from '../components/MonthNav';
import styles from './ListPage.module.css';

type StageChoice = JobStage | 'all';

/** Which stage to list: a radio group drawn as a segmented control (arrow keys move between them). */
function StageFilter({ value, onChange }: { value: StageChoice; onChange: (value: StageChoice) => void }) {
  const t = m.field.calls;
  const name = useId();
  const options: StageChoice[] = ['all', ...STAGES];
  return (
    <fieldset className="segmented">
      <legend>{t.stageLegend}</legend>
      {options.map((o) => (
        <label key={o}>
          <input type="radio" name={name} value={o} checked={o === value} onChange={() => onChange(o)} />
          <span>{o === 'all' ? t.allStages : stageLabel(o)}</span>
        </label>
      ))}
    </fieldset>
  );
}

/**
 * The service calls logged in a month, in one stage or all (`/service-calls?month=2026-11&stage=ready`,
 * from the service calls panel); the address alone says which. Without a month, every call, latest first.
 */
export default function ServiceCallListPage() {
  const t = m.field.calls;
  const [params, setParams] = useSearchParams();
  const month = params.get('month');
  const raw = params.get('stage');
  const valid = isMonth(month);
  // A stage is listed within a month only.
  const stage = month && isStage(raw) ? raw : null;
  const title = !valid ? t.title : stage ? t.stageTitle(formatMonth(month), stageLabel(stage)) : t.monthTitle(formatMonth(month));
  const choose = (next: StageChoice) =>
    setParams(
      (p) => {
        const out = new URLSearchParams(p);
        if (next === 'all') out.delete('stage');
        else out.set('stage', next);
        return out;
      },
      { replace: true },
    );
  return (
    <Page title={title}>
      <p>{month ? t.intro : t.allIntro}</p>
      {valid ? (
        <div className={styles.head}>
          <MonthNav month={month} to={(other) => paths.serviceCallsIn(other, stage)} />
          <StageFilter value={stage ?? 'all'} onChange={choose} />
        </div>
      ) : null}
      {/* Keyed by month and stage: another list starts at its first page. */}
      <CallPages key={`${month ?? ''}/${stage ?? ''}`} month={month} stage={stage} />
      <p>
        <Link to={paths.sites}>{m.field.lists.backToProperties}</Link>
      </p>
    </Page>
  );
}

function CallPages({ month, stage }: { month: string | null; stage: JobStage | null }) {
  const pages = useCursorPages();
  const calls = useServiceCalls(month, stage, pages.cursor);
  if (calls.isPending) return <Loading />;
  if (calls.isError) return <ListProblem error={calls.error} onRetry={() => void calls.refetch()} />;
  return (
    <>
      <div aria-busy={calls.isPlaceholderData || undefined}>
        <ServiceCallTable jobs={calls.data.items} page={pages.page} />
      </div>
      <Pager hasPrevious={pages.hasPrevious} nextCursor={calls.data.next_cursor} onPrevious={pages.previous} onNext={pages.next} />
    </>
  );
}
