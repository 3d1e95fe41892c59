// Client groups: the group a contact may view, which customer's portal they are in, and switching it.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap, type components } from '../../lib/api';
import { paths } from '../../lib/paths';
import { ApiProblem } from '../../lib/problem';
import { getViewedCustomer, setViewedCustomer, subscribeView } from '../../lib/portalView';

export type GroupView = components['schemas']['GroupView'];
export type GroupCustomer = components['schemas']['GroupCustomer'];

export const groupKey = ['group'] as const;

/**
 * Answers that do not depend on the portal being viewed: the group (which refuses the view header) and the
 * whole-group page's reads of each company (which name their company themselves). Even
 * /portal/me does, since its modules and `viewing` follow the view: dropped on a switch, it is read again
 * for the new portal before the menu and the pages draw.
 */
const VIEW_INDEPENDENT = new Set<unknown>([groupKey[0]]);

/**
 * The contact's client group with each customer's counts, or null when they have no group grant. The
 * shell reads it on every page; a page passes `enabled` false to use the shell's answer without asking.
 */
export function useGroup(enabled = true) {
  return useQuery({
    queryKey: groupKey,
    enabled,
    queryFn: async (): Promise<GroupView | null> => {
      try {
        return await unwrap(api.GET('/portal/group'));
      } catch (e) {
        if (e instanceof ApiProblem && e.status === 404) return null;
        throw e;
      }
    },
  });
}

/** The customer being viewed: null for the contact's own company. */
export function useViewedCustomer(): string | null {
  return useSyncExternalStore(subscribeView, getViewedCustomer);
}

/** What the shell says about the portal in view, once the group is known. */
export interface ViewState {
  group: GroupView;
  home: GroupCustomer | undefined;
  /** The customer in view (the home company when none other is chosen). */
  current: GroupCustomer | undefined;
  /** Whether another customer than the contact's own is in view. */
  other: boolean;
}

export function viewState(group: GroupView, viewed: string | null): ViewState {
  const home = group.customers.find((c) => c.home);
  const chosen = viewed ? group.customers.find((c) => c.id === viewed) : undefined;
  const current = chosen ?? home;
  return { group, home, current, other: Boolean(current && !current.home) };
}

/** True while the contact views another customer's portal, where most writes are refused. */
export function useViewingOther(): boolean {
  return useViewedCustomer() !== null;
}

/**
 * Switches the portal in view (null: one's own company) and opens `to` (the home page by default; with
 * `replace`, in place of the current address). Every cached answer of the previous portal is dropped first,
 * so nothing of one company shows under another.
 */
export function useSwitchView() {
  const client = useQueryClient();
  const navigate = useNavigate();
  return useCallback(
    (customer: string | null, to: string = paths.home, { replace = false }: { replace?: boolean } = {}) => {
      if (customer !== getViewedCustomer()) {
        setViewedCustomer(customer);
        void client.cancelQueries();
        client.removeQueries({ predicate: (q) => !VIEW_INDEPENDENT.has(q.queryKey[0]) });
      }
      navigate(to, { replace });
    },
    [client, navigate],
  );
}
