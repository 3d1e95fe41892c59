import { m } from '../../../messages';
import type { MonthRange } from '../api';
import { MonthPicker } from './MonthPicker';
import styles from './Reports.module.css';

interface Props {
  /** The months shown, `YYYY-MM`. */
  range: MonthRange;
  /** The API's word on each month (a 422 naming `from` or `to`), shown under its input. */
  errors: { from?: string | undefined; to?: string | undefined };
  /** A whole month was chosen for one end of the range. */
  onChange: (end: keyof MonthRange, month: string) => void;
}

/** The routine report's range: a labelled month input for its first and its last month due. */
export function RoutineRangePicker({ range, errors, onChange }: Props) {
  const t = m.reports.routine;
  return (
    <div className={styles.range}>
      <MonthPicker label={t.from} name="from" hint={t.fromHint} value={range.from} error={errors.from} onChange={(v) => onChange('from', v)} />
      <MonthPicker label={t.to} name="to" hint={t.toHint} value={range.to} error={errors.to} onChange={(v) => onChange('to', v)} />
    </div>
  );
}
