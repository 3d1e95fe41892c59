// Billing: quotes (authorise, decline), invoices and their PDFs, and the activity and spend panels.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type components } from '../../lib/api';
import { ApiProblem } from '../../lib/problem';

export type QuoteView = components['schemas']['QuoteView'];
export type QuoteState = components['schemas']['QuoteState'];
export type QuoteFilter = 'sent' | 'authorised' | 'declined';
export type LineView = components['schemas']['LineView'];
export type DecisionView = components['schemas']['DecisionView'];
export type Authorise = components['schemas']['Authorise'];
export type Decline = components['schemas']['Decline'];
export type InvoiceView = components['schemas']['InvoiceView'];
export type InvoiceStatus = components['schemas']['InvoiceStatus'];
export type ActivityPanel = components['schemas']['ActivityPanel'];
export type SpendPanel = components['schemas']['SpendPanel'];
export type DueAmounts = components['schemas']['DueAmounts'];
export type Link = components['schemas']['Link'];

export const QUOTE_FILTERS: readonly QuoteFilter[] = ['sent', 'authorised', 'declined'];
export const INVOICE_FILTERS: readonly InvoiceStatus[] = ['unpaid', 'paid', 'void'];

export const billingKeys = {
  all: ['billing'] as const,
  quotes: ['billing', 'quotes'] as const,
  quoteList: (site: string | null, status: QuoteFilter, cursor: string | null) => ['billing', 'quotes', 'list', site, status, cursor] as const,
  quote: (id: string) => ['billing', 'quotes', 'detail', id] as const,
  invoiceList: (site: string | null, status: InvoiceStatus, cursor: string | null) =>
    ['billing', 'invoices', 'list', site, status, cursor] as const,
  activity: ['billing', 'activity'] as const,
  spend: ['billing', 'spend'] as const,
  siteName: (id: string) => ['billing', 'site-name', id] as const,
};

/** A missing quote (or another company's, which looks the same) will not appear by asking again. */
const notOn4xx = (count: number, error: Error) => count < 2 && !(error instanceof ApiProblem && error.status < 500);

/** One page of the company's quotes in one state (sent: awaiting or expired), newest sent first. */
export function useQuotes(status: QuoteFilter, cursor: string | null) {
  return useQuery({
    queryKey: billingKeys.quoteList(null, status, cursor),
    queryFn: () => unwrap(api.GET('/portal/quotes', { params: { query: { status, ...(cursor ? { cursor } : {}) } } })),
    placeholderData: keepPreviousData,
  });
}

/** One page of a site's quotes in one state. */
export function useSiteQuotes(siteId: string, status: QuoteFilter, cursor: string | null) {
  return useQuery({
    queryKey: billingKeys.quoteList(siteId, status, cursor),
    queryFn: () =>
      unwrap(api.GET('/portal/sites/{id}/quotes', { params: { path: { id: siteId }, query: { status, ...(cursor ? { cursor } : {}) } } })),
    placeholderData: keepPreviousData,
    retry: notOn4xx,
  });
}

export function useQuote(id: string) {
  return useQuery({
    queryKey: billingKeys.quote(id),
    queryFn: () => unwrap(api.GET('/portal/quotes/{id}', { params: { path: { id } } })),
    retry: notOn4xx,
  });
}

/** After a decision: the quote as the API answered, and every list and count it changes asked again. */
function useDecided() {
  const qc = useQueryClient();
  return (quote: QuoteView) => {
    qc.setQueryData(billingKeys.quote(quote.id), quote);
    void qc.invalidateQueries({ queryKey: billingKeys.quotes, predicate: (q) => q.queryKey[2] === 'list' });
    void qc.invalidateQueries({ queryKey: billingKeys.activity });
    void qc.invalidateQueries({ queryKey: ['sites'] });
  };
}

export function useAuthoriseQuote(id: string) {
  const decided = useDecided();
  return useMutation({
    mutationFn: (body: Authorise) => unwrap(api.POST('/portal/quotes/{id}/authorise', { params: { path: { id } }, body })),
    onSuccess: decided,
  });
}

export function useDeclineQuote(id: string) {
  const decided = useDecided();
  return useMutation({
    mutationFn: (body: Decline) => unwrap(api.POST('/portal/quotes/{id}/decline', { params: { path: { id } }, body })),
    onSuccess: decided,
  });
}

/** One page of the company's invoices in one state: unpaid earliest due first, the others newest first. */
export function useInvoices(status: InvoiceStatus, cursor: string | null) {
  return useQuery({
    queryKey: billingKeys.invoiceList(null, status, cursor),
    queryFn: () => unwrap(api.GET('/portal/invoices', { params: { query: { status, ...(cursor ? { cursor } : {}) } } })),
    placeholderData: keepPreviousData,
  });
}

export function useSiteInvoices(siteId: string, status: InvoiceStatus, cursor: string | null) {
  return useQuery({
    queryKey: billingKeys.invoiceList(siteId, status, cursor),
    queryFn: () =>
      unwrap(api.GET('/portal/sites/{id}/invoices', { params: { path: { id: siteId }, query: { status, ...(cursor ? { cursor } : {}) } } })),
    placeholderData: keepPreviousData,
    retry: notOn4xx,
  });
}

/** Asks for an invoice's short-lived PDF link only when it is opened. */
export function useInvoicePdf() {
  return useMutation({
    mutationFn: (id: string) => unwrap(api.GET('/portal/invoices/{id}/pdf', { params: { path: { id } } })),
  });
}

export function useActivity() {
  return useQuery({ queryKey: billingKeys.activity, queryFn: () => unwrap(api.GET('/portal/activity')) });
}

export function useSpend() {
  return useQuery({ queryKey: billingKeys.spend, queryFn: () => unwrap(api.GET('/portal/spend')) });
}

/** A property's name for a quote or invoice (only when the company has the sites module: else none). */
export function useSiteName(id: string, enabled: boolean) {
  return useQuery({
    queryKey: billingKeys.siteName(id),
    queryFn: () => unwrap(api.GET('/portal/sites/{id}', { params: { path: { id } } })),
    select: (site) => site.name,
    enabled,
    retry: notOn4xx,
    staleTime: 5 * 60_000,
  });
}
