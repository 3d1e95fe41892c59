// The signed-in session. The ID token lives in this module's memory only; the refresh token is an
// HttpOnly cookie scoped to /portal/auth that no script can read, so a reload restores the session by
// asking the auth function for a new ID token.
import { authApi } from './authApi';
import { clearViewedCustomer } from './portalView';

export type SessionStatus = 'restoring' | 'signed-in' | 'signed-out';

export interface Claims {
  sub: string;
  name: string;
  exp: number;
}

interface State {
  status: SessionStatus;
  idToken: string | null;
  expiresAt: number;
  claims: Claims | null;
  /** True when the session ended by itself (expired or revoked), not by signing out. */
  expired: boolean;
}

/**
 * A hint, not a secret: whether this browser signed in and has not signed out since. The refresh cookie
 * itself is HttpOnly, so without the hint every signed-out visit would ask for a refresh just to be told no.
 */
const HINT = 'portal.signed-in';

function hint(on: boolean) {
  try {
    if (on) localStorage.setItem(HINT, '1');
    else localStorage.removeItem(HINT);
  } catch {
    // Storage may be off (private modes): then every visit simply asks.
  }
}

function hinted(): boolean {
  try {
    return localStorage.getItem(HINT) !== null;
  } catch {
    return true;
  }
}

let state: State = { status: 'restoring', idToken: null, expiresAt: 0, claims: null, expired: false };
const listeners = new Set<() => void>();
let refreshing: Promise<string | null> | null = null;

function set(next: Partial<State>) {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getSession(): State {
  return state;
}

function decodeClaims(token: string): Claims | null {
  try {
    const part = token.split('.')[1] ?? '';
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    const raw = JSON.parse(json) as Record<string, unknown>;
    const name = [raw.given_name, raw.family_name].filter((x) => typeof x === 'string').join(' ');
    return {
      sub: String(raw.sub ?? ''),
      name: name || String(raw['cognito:username'] ?? ''),
      exp: Number(raw.exp ?? 0),
    };
  } catch {
    return null;
  }
}

/** Keeps new tokens from a sign-in, an activation or a refresh. */
export function signedIn(tokens: { id_token: string; expires_in: number }) {
  hint(true);
  set({
    status: 'signed-in',
    idToken: tokens.id_token,
    expiresAt: Date.now() + tokens.expires_in * 1000,
    claims: decodeClaims(tokens.id_token),
    expired: false,
  });
}

/** The session ended by itself: the next page asks to sign in again and comes back. */
export function sessionEnded() {
  hint(false);
  clearViewedCustomer();
  if (state.status === 'signed-in') set({ status: 'signed-out', idToken: null, claims: null, expired: true });
}

/** No answer about the session itself: offline, a server failure or throttling. */
function unanswered(): string | null {
  // Keep what we have; the request that needed it reports the failure (and offers to try again).
  if (state.status === 'restoring') set({ status: 'signed-out' });
  return state.idToken;
}

async function refresh(): Promise<string | null> {
  try {
    const { data, response } = await authApi.POST('/portal/auth/refresh', { body: {} as never });
    if (response.ok && data) {
      signedIn(data);
      return data.id_token;
    }
    // A 5xx or 429 says nothing about the refresh cookie: signing out then would lose what was typed.
    if (response.status >= 500 || response.status === 429) return unanswered();
    hint(false);
    if (state.status !== 'signed-in') set({ status: 'signed-out' });
    else sessionEnded();
    return null;
  } catch {
    return unanswered();
  }
}

/** A token valid for at least another minute, refreshing it first when needed; null when signed out. */
export async function freshToken(): Promise<string | null> {
  if (state.idToken && state.expiresAt - Date.now() > 60_000) return state.idToken;
  if (state.status === 'signed-out') return null;
  refreshing ??= refresh().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** On start: a reload keeps the session for as long as the refresh cookie is valid. */
export async function restore(): Promise<void> {
  if (state.status !== 'restoring') return;
  if (!hinted()) {
    set({ status: 'signed-out' });
    return;
  }
  await freshToken();
}

export async function signOut(): Promise<void> {
  try {
    await authApi.POST('/portal/auth/logout', { body: {} as never });
  } finally {
    hint(false);
    clearViewedCustomer();
    set({ status: 'signed-out', idToken: null, claims: null, expiresAt: 0, expired: false });
  }
}

/** For tests: back to the state of a fresh page. */
export function resetSession() {
  state = { status: 'restoring', idToken: null, expiresAt: 0, claims: null, expired: false };
  for (const l of listeners) l();
}
