// Which customer's portal a group contact is viewing. Null is their own company's (the server's default).
// Kept for the tab in sessionStorage (so a reload stays in the same portal) and cleared on sign-out; every
// portal request but a few names it in the `x-portal-customer` header, which the server checks against the
// contact's group grant each time.
import type { Middleware } from 'openapi-fetch';

export const VIEW_HEADER = 'x-portal-customer';
const KEY = 'portal.viewed-customer';

function stored(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

let viewed: string | null = stored();
const listeners = new Set<() => void>();

/** The customer being viewed, or null for the contact's own company. */
export function getViewedCustomer(): string | null {
  return viewed;
}

export function subscribeView(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Views another customer of the group (null: back to one's own company). */
export function setViewedCustomer(id: string | null) {
  if (id === viewed) return;
  viewed = id;
  try {
    if (id) sessionStorage.setItem(KEY, id);
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage may be off (private modes): the view then lasts until the page is reloaded.
  }
  for (const l of listeners) l();
}

/** On sign-out, and when the session ends: the next sign-in starts in the contact's own portal. */
export function clearViewedCustomer() {
  setViewedCustomer(null);
}

/**
 * Routes that are about the contact, not a company's portal: the group itself (which refuses the header),
 * sign-in and session, and the contact's own account.
 */
const UNVIEWED = ['/portal/group', '/portal/auth/', '/portal/account/'];

export function sendsView(pathname: string, search = ''): boolean {
  // The whole group's activity report (`?group=true`) is asked of the contact's own portal.
  if (pathname.startsWith('/portal/reports/activity') && new URLSearchParams(search).get('group') === 'true') return false;
  return !UNVIEWED.some((p) => (p.endsWith('/') ? pathname.startsWith(p) : pathname === p));
}

/**
 * Names the viewed customer on every portal request that acts in a company's portal. A request that names
 * its customer itself (the whole-group page asks each company of the group in turn) is left as it is.
 */
export const viewHeader: Middleware = {
  onRequest({ request }) {
    const id = viewed;
    const url = new URL(request.url);
    if (id && !request.headers.has(VIEW_HEADER) && sendsView(url.pathname, url.search)) {
      request.headers.set(VIEW_HEADER, id);
    }
    return request;
  },
};
