// Test helpers of this feature: the shared renderWith, answers of the typed client, and sample data.
import { vi } from 'vitest';
import { api } from '../../lib/api';
import type { FieldView, JobSummary, RoutinePanel, ServiceCallsPanel } from './api';

export { renderWith } from '../../test/render';

export const ok = (data: unknown, status = 200) => ({ data, response: new Response(null, { status }) }) as never;
export const problem = (status: number, body: unknown) => ({ error: body, response: new Response(null, { status }) }) as never;

export const ACME_HOUSE = '01JSITE0000000000000000001';
export const RIVERSIDE = '01JSITE0000000000000000002';

export function routineField(over: Partial<FieldView> = {}): FieldView {
  return {
    site_id: ACME_HOUSE,
    kind: 'routine',
    stage: 'complete',
    due_month: '2026-11',
    tolerance_days: 14,
    logged_on: '2026-10-12',
    performed_on: '2026-11-10',
    outcome: 'on_time',
    ...over,
  };
}

export function callField(over: Partial<FieldView> = {}): FieldView {
  return {
    site_id: RIVERSIDE,
    kind: 'reactive',
    stage: 'on_hold',
    due_month: null,
    tolerance_days: 0,
    logged_on: '2026-12-01',
    performed_on: null,
    outcome: null,
    ...over,
  };
}

export function job(field: FieldView | null, over: Partial<JobSummary> = {}): JobSummary {
  return {
    id: '01JJOB00000000000000000001',
    reference: 'R-2611-1',
    description: 'Monthly fire safety checks',
    booked_dates: [],
    status: 'closed',
    closed_at: null,
    field,
    ...over,
  };
}

const months = (year: number) => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
const noOutcomes = { on_time: 0, within_tolerance: 0, late: 0, missed: 0, pending: 0 };
const noStages = { on_hold: 0, ready: 0, in_progress: 0, performed: 0, complete: 0 };

/** 2026: four jobs a month, mostly on time; one within tolerance in March, one late in July, one missed in October, December pending. */
export function routinePanel(year = 2026): RoutinePanel {
  return {
    year,
    months: months(year).map((month) => {
      if (year !== 2026) return { month, by_outcome: { ...noOutcomes } };
      const by = { ...noOutcomes, on_time: 4 };
      if (month === '2026-03') Object.assign(by, { on_time: 3, within_tolerance: 1 });
      if (month === '2026-07') Object.assign(by, { on_time: 3, late: 1 });
      if (month === '2026-10') Object.assign(by, { on_time: 3, missed: 1 });
      if (month === '2026-12') Object.assign(by, { on_time: 0, pending: 3, within_tolerance: 1 });
      return { month, by_outcome: by };
    }),
  };
}

/** January to December 2026: two calls a month complete, December's on hold and ready. */
export function callsPanel(): ServiceCallsPanel {
  return {
    months: months(2026).map((month) => ({
      month,
      by_stage: month === '2026-12' ? { ...noStages, on_hold: 1, ready: 1 } : { ...noStages, complete: 2 },
    })),
  };
}

type Answer = (path: string, init: { params?: { path?: { id?: string }; query?: Record<string, unknown> } } | undefined) => unknown;

/**
 * The API as these parts meet it: /portal/me with `modules`, each site answering its name, and `answer` for
 * the rest (a 404 without one). Returns the spy, to see what was asked.
 */
export function fakeApi(answer: Answer = () => undefined, modules = ['sites', 'jobs', 'routine', 'service_calls']) {
  return vi.spyOn(api, 'GET').mockImplementation((async (path: string, init?: Parameters<Answer>[1]) => {
    if (path === '/portal/me') return ok({ contact: {}, company: {}, account_managers: [], modules });
    if (path === '/portal/sites/{id}') {
      const id = init?.params?.path?.id;
      return ok({ id, name: id === ACME_HOUSE ? 'Acme House' : 'Riverside Offices' });
    }
    return answer(path, init) ?? problem(404, { title: 'Not found' });
  }) as never);
}
