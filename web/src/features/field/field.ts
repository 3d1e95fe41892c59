// Outcomes and stages in one place: their order, words, and the colours the charts and badges draw with.
import { m } from '../../messages';
import type { JobStage, RoutineOutcome } from './api';

/** Best first, pending last. */
export const OUTCOMES: RoutineOutcome[] = ['on_time', 'within_tolerance', 'late', 'missed', 'pending'];
/** In the order a call moves. */
export const STAGES: JobStage[] = ['on_hold', 'ready', 'in_progress', 'performed', 'complete'];

export const outcomeLabel = (o: RoutineOutcome): string => m.field.outcome[o];
export const stageLabel = (s: JobStage): string => m.field.stage[s];

export function isStage(value: unknown): value is JobStage {
  return typeof value === 'string' && (STAGES as string[]).includes(value);
}

/**
 * Solid colours for bars and the badges' marks: each at least 3:1 against the white card, and told apart by
 * lightness as well as hue (green, ochre, bright orange, dark red, grey). Kept in step with Badges.module.css.
 */
export const OUTCOME_COLOUR: Record<RoutineOutcome, string> = {
  on_time: '#146c2e',
  within_tolerance: '#a16207',
  late: '#ea580c',
  missed: '#991b1b',
  pending: '#6b7280',
};

/** Red for held, purple, amber, blue, green for done: each at least 3:1 against white. */
export const STAGE_COLOUR: Record<JobStage, string> = {
  on_hold: '#b42318',
  ready: '#6d28d9',
  in_progress: '#b45309',
  performed: '#1d4e89',
  complete: '#146c2e',
};

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Whether `value` is a month as the API takes it, `YYYY-MM`. */
export function isMonth(value: string | null | undefined): value is string {
  return typeof value === 'string' && MONTH.test(value);
}

/** `YYYY-MM` moved by `by` months. */
export function shiftMonth(month: string, by: number): string {
  const [y, mo] = month.split('-').map(Number);
  const index = (y ?? 1970) * 12 + (mo ?? 1) - 1 + by;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The years the routine panel can show (the API's range). */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;
