import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Every request the API clients send, with its headers (the clients keep the `fetch` they were made with).
const sent = vi.hoisted(() => {
  const requests: Request[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push(input instanceof Request ? input : new Request(input, init));
    return new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } });
  }) as typeof fetch;
  return requests;
});

const { api } = await import('./api');
const { authApi } = await import('./authApi');
const { resetSession, signedIn, signOut } = await import('./session');
const { clearViewedCustomer, getViewedCustomer, sendsView, setViewedCustomer, VIEW_HEADER } = await import('./portalView');

const NORTHERN = '01JD00000000000000000000AN';
const header = () => sent.at(-1)?.headers.get(VIEW_HEADER) ?? null;

beforeEach(() => {
  sent.length = 0;
  sessionStorage.clear();
  clearViewedCustomer();
  resetSession();
  signedIn({ id_token: `x.${btoa(JSON.stringify({ sub: 'c1', exp: 4102444800 }))}.y`, expires_in: 3600 });
});

afterEach(() => clearViewedCustomer());

describe('the view header', () => {
  it('is not sent while the contact is in their own company’s portal', async () => {
    await api.GET('/portal/sites');
    expect(sent).toHaveLength(1);
    expect(header()).toBeNull();
    expect(sent[0]?.headers.get('Authorization')).toMatch(/^Bearer /);
  });

  it('names the viewed customer on every portal request, reads and writes alike', async () => {
    setViewedCustomer(NORTHERN);
    await api.GET('/portal/sites');
    expect(header()).toBe(NORTHERN);
    await api.GET('/portal/quotes/{id}', { params: { path: { id: 'Q1' } } });
    expect(header()).toBe(NORTHERN);
    await api.POST('/portal/quotes/{id}/decline', { params: { path: { id: 'Q1' } }, body: { reason: 'Too dear', version: 1 } as never });
    expect(header()).toBe(NORTHERN);
    await api.GET('/portal/me');
    expect(header()).toBe(NORTHERN);
  });

  it('is left off the whole group’s activity report, asked of the contact’s own portal, but not the company’s', async () => {
    setViewedCustomer(NORTHERN);
    await api.GET('/portal/reports/activity', { params: { query: { group: true, month: '2026-11' } } });
    expect(header()).toBeNull();
    await api.GET('/portal/reports/activity/csv', { params: { query: { group: true } }, parseAs: 'blob' });
    expect(header()).toBeNull();
    await api.GET('/portal/reports/activity/pdf', { params: { query: { group: true } } });
    expect(header()).toBeNull();
    await api.GET('/portal/reports/activity', { params: { query: { month: '2026-11' } } });
    expect(header()).toBe(NORTHERN);
    expect(sendsView('/portal/reports/activity', '?group=false')).toBe(true);
    expect(sendsView('/portal/reports/routine', '?group=true')).toBe(true);
  });

  it('leaves alone a customer the request names itself, in view or not', async () => {
    const HOME = '01JD00000000000000000000AC';
    await api.GET('/portal/sites/map', { headers: { [VIEW_HEADER]: NORTHERN } });
    expect(header()).toBe(NORTHERN);
    setViewedCustomer(NORTHERN);
    await api.GET('/portal/sites', { params: { query: { limit: 100 } }, headers: { [VIEW_HEADER]: HOME } });
    expect(header()).toBe(HOME);
    await api.GET('/portal/sites');
    expect(header()).toBe(NORTHERN);
  });

  it('is never sent to the group itself, the account or the auth routes', async () => {
    setViewedCustomer(NORTHERN);
    await api.GET('/portal/group');
    expect(header()).toBeNull();
    await api.POST('/portal/account/password', { body: {} as never });
    expect(header()).toBeNull();
    await authApi.POST('/portal/auth/refresh', { body: {} as never });
    expect(header()).toBeNull();
    expect(sendsView('/portal/groups')).toBe(true);
    expect(sendsView('/portal/auth/login')).toBe(false);
  });

  it('is kept for the tab and cleared on sign-out', async () => {
    setViewedCustomer(NORTHERN);
    expect(sessionStorage.getItem('portal.viewed-customer')).toBe(NORTHERN);
    await signOut();
    expect(getViewedCustomer()).toBeNull();
    expect(sessionStorage.getItem('portal.viewed-customer')).toBeNull();
    sent.length = 0;
    signedIn({ id_token: `x.${btoa(JSON.stringify({ sub: 'c1', exp: 4102444800 }))}.y`, expires_in: 3600 });
    await api.GET('/portal/sites');
    expect(header()).toBeNull();
  });
});
