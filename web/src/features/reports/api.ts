// The monthly activity report: its figures, its CSV (fetched with the bearer token, saved as a download)
// and a short-lived link to its PDF.
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
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

export const reportKeys = {
  all: ['reports'] as const,
  /** `null`: the API's default, the current month in the business's time zone. */
  activity: (month: string | null) => ['reports', 'activity', month] as const,
};

/** The month asked for, or none for the API's default (the current month). */
const monthQuery = (month: string | null) => (month ? { month } : {});

/** A month the API refused (422 naming `month`) or a module switched off (404) will not change by asking again. */
const notOn4xx = (count: number, error: Error) => count < 2 && !(error instanceof ApiProblem && error.status < 500);

/** The report for `month` (null: the current one). While another month loads the previous report stays, marked as placeholder data. */
export function useActivityReport(month: string | null) {
  return useQuery({
    queryKey: reportKeys.activity(month),
    queryFn: () => unwrap(api.GET('/portal/reports/activity', { params: { query: monthQuery(month) } })),
    placeholderData: keepPreviousData,
    retry: notOn4xx,
  });
}

/** The report's figures as CSV, as a blob to save. */
export function fetchActivityCsv(month: string | null): Promise<Blob> {
  return unwrap(api.GET('/portal/reports/activity/csv', { params: { query: monthQuery(month) }, parseAs: 'blob' }));
}

/** `activity-YYYY-MM.csv`, as the API names it. */
export function activityCsvName(month: string): string {
  return `activity-${month}.csv`;
}

/** Asks for the PDF's five-minute link only when it is opened. */
export function useActivityPdf() {
  return useMutation({
    mutationFn: (month: string | null): Promise<ReportLink> =>
      unwrap(api.GET('/portal/reports/activity/pdf', { params: { query: monthQuery(month) } })),
  });
}
