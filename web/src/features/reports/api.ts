// The monthly activity report: its figures, its CSV (fetched with the bearer token, saved as a download)
// and a short-lived link to its PDF; the company's or, with `group`, the whole client group's. And the
// routine activity report: a page at a time of the routine work due in a range of months, and its CSV. And
// the contact's subscription to the report by email, and the month a mailed report's link stands for.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type components } from '../../lib/api';
import { ApiProblem } from '../../lib/problem';

export type ActivityReport = components['schemas']['ActivityReport'];
export type ReportSection = components['schemas']['Section'];
export type ReportFigure = components['schemas']['Figure'];
export type ReportAmount = components['schemas']['Amount'];
export type ReportColumn = components['schemas']['Column'];
export type ReportSiteRow = components['schemas']['SiteRow'];
export type ReportTrend = components['schemas']['Trend'];
export type ReportLink = components['schemas']['ReportLink'];
export type RoutineLine = components['schemas']['RoutineLine'];
export type RoutineOutcome = components['schemas']['RoutineOutcome'];
export type ReportSubscription = components['schemas']['Subscription'];
export type MailedReport = components['schemas']['MailedReport'];

/** The routine report's months, `YYYY-MM`, first and last due (both included). */
export interface MonthRange {
  from: string;
  to: string;
}

/** Routine lines per page. */
export const ROUTINE_PAGE = 25;

export const reportKeys = {
  all: ['reports'] as const,
  /** `null`: the API's default, the current month in the business's time zone. */
  activity: (month: string | null, group = false) => ['reports', 'activity', month, group ? 'group' : 'company'] as const,
  routine: (range: MonthRange, cursor: string | null) => ['reports', 'routine', range.from, range.to, cursor] as const,
  subscription: ['reports', 'subscription'] as const,
  mailed: (link: string) => ['reports', 'mailed', link] as const,
};

/**
 * The month asked for, or none for the API's default (the current month); `group=true` for the whole
 * group's report (sent without the view header: see `lib/portalView`, it is asked of the contact's own portal).
 */
const monthQuery = (month: string | null, group = false) => ({ ...(month ? { month } : {}), ...(group ? { group: true } : {}) });

/** A month the API refused (422 naming `month`) or a module switched off (404) will not change by asking again. */
const notOn4xx = (count: number, error: Error) => count < 2 && !(error instanceof ApiProblem && error.status < 500);

/**
 * The report for `month` (null: the current one), the whole group's with `group`. While another month loads
 * the previous report stays, marked as placeholder data.
 */
export function useActivityReport(month: string | null, group = false) {
  return useQuery({
    queryKey: reportKeys.activity(month, group),
    queryFn: () => unwrap(api.GET('/portal/reports/activity', { params: { query: monthQuery(month, group) } })),
    placeholderData: keepPreviousData,
    retry: notOn4xx,
  });
}

/** The report's figures as CSV, as a blob to save. */
export function fetchActivityCsv(month: string | null, group = false): Promise<Blob> {
  return unwrap(api.GET('/portal/reports/activity/csv', { params: { query: monthQuery(month, group) }, parseAs: 'blob' }));
}

/** `activity-YYYY-MM.csv`, as the API names it (the group's too). */
export function activityCsvName(month: string): string {
  return `activity-${month}.csv`;
}

/** Asks for the PDF's five-minute link only when it is opened; the whole group's with `group`. */
export function useActivityPdf(group = false) {
  return useMutation({
    mutationFn: (month: string | null): Promise<ReportLink> =>
      unwrap(api.GET('/portal/reports/activity/pdf', { params: { query: monthQuery(month, group) } })),
  });
}

/**
 * A page of the routine work due from `range.from` to `range.to`, by month due; `cursor` null for the first.
 * While another page or range loads, the previous one stays, marked as placeholder data.
 */
export function useRoutineReport(range: MonthRange, cursor: string | null) {
  return useQuery({
    queryKey: reportKeys.routine(range, cursor),
    queryFn: () =>
      unwrap(
        api.GET('/portal/reports/routine', {
          params: { query: { from: range.from, to: range.to, limit: ROUTINE_PAGE, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
    retry: notOn4xx,
  });
}

/** The whole range's routine work as CSV, as a blob to save. */
export function fetchRoutineCsv(range: MonthRange): Promise<Blob> {
  return unwrap(api.GET('/portal/reports/routine/csv', { params: { query: { from: range.from, to: range.to } }, parseAs: 'blob' }));
}

/** `routine-YYYY-MM-to-YYYY-MM.csv`, as the API names it. */
export function routineCsvName(range: MonthRange): string {
  return `routine-${range.from}-to-${range.to}.csv`;
}

/**
 * Whether the contact receives the report by email (on the 1st of each month, for the month before) and at
 * which address. Asked in the contact's own portal only (their company's report is the one mailed).
 */
export function useReportSubscription() {
  return useQuery({
    queryKey: reportKeys.subscription,
    queryFn: () => unwrap(api.GET('/portal/reports/subscription')),
    retry: notOn4xx,
  });
}

/** Subscribes (`true`) or unsubscribes (`false`); the answer replaces the subscription shown. */
export function useSetReportSubscription() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (subscribed: boolean): Promise<ReportSubscription> =>
      unwrap(api.PUT('/portal/reports/subscription', { body: { subscribed } })),
    onSuccess: (subscription) => {
      qc.setQueryData(reportKeys.subscription, subscription);
    },
  });
}

/**
 * The month an emailed report's link stands for. A link not the contact's (404) or expired (410) will not
 * change by asking again.
 */
export function useMailedReport(link: string) {
  return useQuery({
    queryKey: reportKeys.mailed(link),
    queryFn: () => unwrap(api.GET('/portal/reports/mailed/{link}', { params: { path: { link } } })),
    retry: notOn4xx,
  });
}
