import { screen, waitFor } from '@testing-library/react';
import { useLocation } from 'react-router';
import { expect } from 'vitest';

/** One request a page made, as the fake network saw it. */
export interface FakeCall {
  method: string;
  path: string;
  search: string;
  body: unknown;
}

/** Answers by path (a route may read the request, its headers say the portal in view); without one, 404. */
export interface FakeNetwork {
  calls: FakeCall[];
  routes: Record<string, (request: Request) => Response>;
  /** Each call as `GET /path?query`, for asserting what a page asked for. */
  requests(): string[];
}

/**
 * Replaces `fetch` with the fake. The API clients keep the `fetch` they were made with, so call
 * this from `vi.hoisted`, before anything that creates a client is imported:
 * `const net = await vi.hoisted(async () => (await import('…/test/fakeNetwork')).installFakeNetwork());`
 */
export function installFakeNetwork(): FakeNetwork {
  const net: FakeNetwork = {
    calls: [],
    routes: {},
    requests: () => net.calls.map((c) => `${c.method} ${c.path}${c.search}`),
  };
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const text = await request.text();
    net.calls.push({ method: request.method, path: url.pathname, search: url.search, body: text ? JSON.parse(text) : null });
    const route = net.routes[url.pathname];
    return route ? route(request) : new Response(null, { status: 404 });
  }) as typeof fetch;
  return net;
}

/** A route answering `status` with `body` as JSON (a problem document from 300 up). */
export const json =
  (status: number, body?: unknown, headers: Record<string, string> = {}) =>
  () =>
    new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json', ...headers },
    });

/** Shows the router's location, so a test can see where a page navigated. */
export function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname + location.search}</p>;
}

/** Waits until the page has navigated to `expected` (navigation happens after the answer arrives). */
export async function expectLocation(expected: string | RegExp) {
  await waitFor(() => expect(screen.getByTestId('where')).toHaveTextContent(expected));
}
