// Field service: the routine activities and service calls panels, the lists behind their figures, a
// property's field jobs, and the names of the properties those lists show.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type components } from '../../lib/api';
import { ApiProblem } from '../../lib/problem';

export type JobSummary = components['schemas']['JobSummary'];
export type FieldView = components['schemas']['FieldView'];
export type JobKind = components['schemas']['JobKind'];
export type JobStage = components['schemas']['JobStage'];
export type RoutineOutcome = components['schemas']['RoutineOutcome'];
export type RoutinePanel = components['schemas']['RoutinePanel'];
export type ServiceCallsPanel = components['schemas']['ServiceCallsPanel'];

export const fieldKeys = {
  all: ['field'] as const,
  routineSummary: (year: number) => ['field', 'routine', 'summary', year] as const,
  routineList: (month: string | null, cursor: string | null) => ['field', 'routine', 'list', month, cursor] as const,
  callsSummary: ['field', 'calls', 'summary'] as const,
  callsList: (month: string | null, stage: JobStage | null, cursor: string | null) =>
    ['field', 'calls', 'list', month, stage, cursor] as const,
  siteJobs: (siteId: string, cursor: string | null) => ['field', 'site-jobs', siteId, cursor] as const,
  siteName: (id: string) => ['field', 'site-name', id] as const,
};

/** A refusal (a bad month, a missing property) will not change by asking again. */
const notOn4xx = (count: number, error: Error) => count < 2 && !(error instanceof ApiProblem && error.status < 500);

/** Each month of `year` by outcome (module `routine`); the year shown stays while the next one loads. */
export function useRoutineSummary(year: number) {
  return useQuery({
    queryKey: fieldKeys.routineSummary(year),
    queryFn: () => unwrap(api.GET('/portal/routine/summary', { params: { query: { year } } })),
    placeholderData: keepPreviousData,
    retry: notOn4xx,
  });
}

/** One page of the routine work due in `month` (all of it, latest month first, without one). */
export function useRoutineJobs(month: string | null, cursor: string | null) {
  return useQuery({
    queryKey: fieldKeys.routineList(month, cursor),
    queryFn: () =>
      unwrap(api.GET('/portal/routine', { params: { query: { ...(month ? { month } : {}), ...(cursor ? { cursor } : {}) } } })),
    placeholderData: keepPreviousData,
    retry: notOn4xx,
  });
}

/** The last 12 months of service calls by stage (module `service_calls`). */
export function useServiceCallsSummary() {
  return useQuery({ queryKey: fieldKeys.callsSummary, queryFn: () => unwrap(api.GET('/portal/service-calls/summary')) });
}

/** One page of the service calls logged in `month`, in `stage` if given (a stage needs a month). */
export function useServiceCalls(month: string | null, stage: JobStage | null, cursor: string | null) {
  const query = {
    ...(month ? { month } : {}),
    ...(month && stage ? { stage } : {}),
    ...(cursor ? { cursor } : {}),
  };
  return useQuery({
    queryKey: fieldKeys.callsList(month, month ? stage : null, cursor),
    queryFn: () => unwrap(api.GET('/portal/service-calls', { params: { query } })),
    placeholderData: keepPreviousData,
    retry: notOn4xx,
  });
}

/** One page of a property's field jobs, newest first (module `jobs`). */
export function useSiteJobs(siteId: string, cursor: string | null) {
  return useQuery({
    queryKey: fieldKeys.siteJobs(siteId, cursor),
    queryFn: () =>
      unwrap(api.GET('/portal/sites/{id}/jobs', { params: { path: { id: siteId }, query: cursor ? { cursor } : {} } })),
    placeholderData: keepPreviousData,
    retry: notOn4xx,
  });
}

/** A property's name for a job (only when the company has the sites module: else none). */
export function useSiteName(id: string, enabled: boolean) {
  return useQuery({
    queryKey: fieldKeys.siteName(id),
    queryFn: () => unwrap(api.GET('/portal/sites/{id}', { params: { path: { id } } })),
    select: (site) => site.name,
    enabled,
    retry: notOn4xx,
    staleTime: 5 * 60_000,
  });
}
