import { afterEach, describe, expect, it, vi } from 'vitest';
import { authApi } from './authApi';
import { freshToken, getSession, resetSession, signedIn } from './session';

const token = (exp: number) => `h.${btoa(JSON.stringify({ sub: 's', exp }))}.sig`;
const answer = (status: number, data?: unknown) => ({ data, response: new Response(null, { status }) }) as never;

afterEach(() => {
  vi.restoreAllMocks();
  resetSession();
});

describe('session refresh', () => {
  it('keeps the session when the refresh meets a server failure or throttling', async () => {
    for (const status of [500, 503, 429]) {
      signedIn({ id_token: token(1), expires_in: 30 }); // within the minute: refreshes first
      vi.spyOn(authApi, 'POST').mockResolvedValueOnce(answer(status));
      await freshToken();
      expect(getSession().status).toBe('signed-in');
      expect(getSession().expired).toBe(false);
    }
  });

  it('ends the session when the refresh cookie is refused', async () => {
    signedIn({ id_token: token(1), expires_in: 30 });
    vi.spyOn(authApi, 'POST').mockResolvedValueOnce(answer(401));
    expect(await freshToken()).toBeNull();
    expect(getSession().status).toBe('signed-out');
    expect(getSession().expired).toBe(true);
  });
});
