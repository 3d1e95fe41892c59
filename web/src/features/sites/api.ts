// Sites: the company's properties, their assets and published defects, the map and the defects panel.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type components } from '../../lib/api';
import { ApiProblem } from '../../lib/problem';

export type SiteView = components['schemas']['SiteView'];
export type AssetView = components['schemas']['AssetView'];
export type AssetEdit = components['schemas']['AssetEdit'];
export type AssetField = components['schemas']['AssetField'];
export type DefectView = components['schemas']['DefectView'];
export type DefectStatus = components['schemas']['DefectStatus'];
export type DefectsPanel = components['schemas']['DefectsPanel'];
export type SiteFeature = components['schemas']['SiteFeature'];
export type SiteMap = components['schemas']['SiteMap'];
export type Severity = components['schemas']['Severity'];
export type SiteDocument = components['schemas']['SiteDocument'];

export const siteKeys = {
  all: ['sites'] as const,
  list: (cursor: string | null) => ['sites', 'list', cursor] as const,
  first: (limit: number) => ['sites', 'first', limit] as const,
  map: ['sites', 'map'] as const,
  detail: (id: string) => ['sites', 'detail', id] as const,
  assets: (id: string) => ['sites', 'assets', id] as const,
  assetPage: (id: string, cursor: string | null) => ['sites', 'assets', id, cursor] as const,
  defects: (id: string, status: DefectStatus, cursor: string | null) => ['sites', 'defects', id, status, cursor] as const,
  summary: ['sites', 'summary'] as const,
  documents: (id: string) => ['sites', 'documents', id] as const,
};

/** The documents shared on a site, by folder and name. */
export function useSiteDocuments(id: string) {
  return useQuery({
    queryKey: siteKeys.documents(id),
    queryFn: () => unwrap(api.GET('/portal/sites/{id}/documents', { params: { path: { id } } })),
  });
}

/** Asks for a document's five-minute link only when it is opened. */
export function useDocumentLink() {
  return useMutation({
    mutationFn: (id: string) => unwrap(api.GET('/portal/documents/{id}/link', { params: { path: { id } } })),
  });
}

/** A missing site (or another company's, which looks the same) will not appear by asking again. */
const notOn404 = (count: number, error: Error) => count < 2 && !(error instanceof ApiProblem && error.status < 500);

/** One page of the company's sites by name, each with what needs attention. */
export function useSites(cursor: string | null) {
  return useQuery({
    queryKey: siteKeys.list(cursor),
    queryFn: () => unwrap(api.GET('/portal/sites', { params: { query: cursor ? { cursor } : {} } })),
    placeholderData: keepPreviousData,
  });
}

/** The properties shown on the home page: the first of the list by name. */
export const HOME_SITES = 10;

/** The first `limit` sites by name of the customer `headers` name (the whole-group page asks each company). */
export function fetchFirstSites(limit: number, headers: Record<string, string>) {
  return unwrap(api.GET('/portal/sites', { params: { query: { limit } }, headers }));
}

/** The first `limit` sites by name, each with what needs attention (the home page's properties panel). */
export function useFirstSites(limit: number) {
  return useQuery({
    queryKey: siteKeys.first(limit),
    queryFn: () => unwrap(api.GET('/portal/sites', { params: { query: { limit } } })),
  });
}

/**
 * Every site with a position, as GeoJSON points: the pages of the map (1,000 sites each) read in turn.
 * `headers` may name the customer asked about (the whole-group page asks each company of the group).
 */
export async function fetchSiteMap(headers?: Record<string, string>): Promise<SiteFeature[]> {
  const features: SiteFeature[] = [];
  let cursor: string | null | undefined = null;
  do {
    const page: SiteMap = await unwrap(
      api.GET('/portal/sites/map', { params: { query: cursor ? { cursor } : {} }, ...(headers ? { headers } : {}) }),
    );
    features.push(...page.features);
    cursor = page.next_cursor;
  } while (cursor);
  return features;
}

export function useSiteMap() {
  return useQuery({ queryKey: siteKeys.map, queryFn: () => fetchSiteMap() });
}

export function useSite(id: string) {
  return useQuery({
    queryKey: siteKeys.detail(id),
    queryFn: () => unwrap(api.GET('/portal/sites/{id}', { params: { path: { id } } })),
    retry: notOn404,
  });
}

/** One page of a site's assets, by type and identifier. */
export function useSiteAssets(id: string, cursor: string | null) {
  return useQuery({
    queryKey: siteKeys.assetPage(id, cursor),
    queryFn: () => unwrap(api.GET('/portal/sites/{id}/assets', { params: { path: { id }, query: cursor ? { cursor } : {} } })),
    placeholderData: keepPreviousData,
    retry: notOn404,
  });
}

/** One page of a site's published defects, open or resolved, newest first. */
export function useSiteDefects(id: string, status: DefectStatus, cursor: string | null) {
  return useQuery({
    queryKey: siteKeys.defects(id, status, cursor),
    queryFn: () =>
      unwrap(api.GET('/portal/sites/{id}/defects', { params: { path: { id }, query: { status, ...(cursor ? { cursor } : {}) } } })),
    placeholderData: keepPreviousData,
    retry: notOn404,
  });
}

export function useDefectsSummary() {
  return useQuery({ queryKey: siteKeys.summary, queryFn: () => unwrap(api.GET('/portal/defects/summary')) });
}

export function fetchAsset(id: string): Promise<AssetView> {
  return unwrap(api.GET('/portal/assets/{id}', { params: { path: { id } } }));
}

/**
 * Saves the fields staff opened with `If-Match` = the version they were read at: the API refuses a stale
 * save (409) rather than overwrite someone else's, and any field not open to contacts (422).
 */
export function useEditAsset() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ asset, changes }: { asset: AssetView; changes: AssetEdit }) =>
      unwrap(
        api.PATCH('/portal/assets/{id}', {
          params: { path: { id: asset.id }, header: { 'If-Match': `"${asset.version}"` } },
          body: changes,
        }),
      ),
    onSuccess: (saved) => qc.invalidateQueries({ queryKey: siteKeys.assets(saved.site_id) }),
  });
}
