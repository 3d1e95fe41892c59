// The whole-group page's reads: each company's map pins and first page of properties. Only that page (a
// chunk of its own) imports this, so the sites feature's parts never load with the shell.
import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { VIEW_HEADER } from '../../lib/portalView';
import { ApiProblem } from '../../lib/problem';
import { fetchFirstSites, fetchSiteMap, pinsOf, type Pin } from '../sites/parts';
import { groupKey, type GroupCustomer } from './api';

/** Each company's answers on the whole-group page: they name their customer, so no view changes them. */
const groupSitesKeys = {
  map: (customer: string) => [groupKey[0], 'map', customer] as const,
  sites: (customer: string) => [groupKey[0], 'sites', customer] as const,
};

/** The properties the whole-group page lists for each company: the first page by name. */
export const GROUP_SITES = 100;

/** A company's answer, or null where it answers 404 (its module is off there: nothing of it to show). */
async function unlessNotFound<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 404) return null;
    throw e;
  }
}

const noRetryOn4xx = (count: number, error: Error) => count < 2 && !(error instanceof ApiProblem && error.status < 500);

/** A company the whole-group page could not read, with the way to ask again. */
export interface GroupFailure {
  /** Its place in the group's list of companies. */
  index: number;
  error: Error;
  retry: () => void;
}

/** The pins of every company together (each names its company), whether any is still coming, what failed. */
export interface GroupPins {
  pins: Pin[];
  /** Each pin's company: a site's id to the company's place in the group's list. */
  owners: Record<string, number>;
  pending: boolean;
  failed: GroupFailure[];
}

function combinePins(results: UseQueryResult<Pin[]>[]): GroupPins {
  const failed: GroupFailure[] = [];
  const owners: Record<string, number> = {};
  results.forEach((r, index) => {
    if (r.isError) failed.push({ index, error: r.error, retry: () => void r.refetch() });
    for (const pin of r.data ?? []) owners[pin.id] = index;
  });
  return { pins: results.flatMap((r) => r.data ?? []), owners, pending: results.some((r) => r.isPending), failed };
}

/**
 * Every company's pins for the whole-group map: one read per company (its id in the view header, whatever
 * portal is in view), all at once. A company without the map module answers 404 and shows no pins. The
 * combined answer is shared structurally, so the map is redrawn only when a pin changes.
 */
export function useGroupPins(customers: readonly GroupCustomer[]): GroupPins {
  return useQueries({
    queries: customers.map((c) => ({
      queryKey: groupSitesKeys.map(c.id),
      queryFn: async (): Promise<Pin[]> => {
        const features = (await unlessNotFound(fetchSiteMap({ [VIEW_HEADER]: c.id }))) ?? [];
        return pinsOf(features).map((pin) => ({ ...pin, company: c.name }));
      },
      retry: noRetryOn4xx,
    })),
    combine: combinePins,
  });
}

/** Every company's first page of properties, one read per company, all at once (404: none to list). */
export function useGroupSites(customers: readonly GroupCustomer[]) {
  return useQueries({
    queries: customers.map((c) => ({
      queryKey: groupSitesKeys.sites(c.id),
      queryFn: () => unlessNotFound(fetchFirstSites(GROUP_SITES, { [VIEW_HEADER]: c.id })),
      retry: noRetryOn4xx,
    })),
  });
}
