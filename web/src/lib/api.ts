// The typed API client: every call is checked against infra/openapi.json at build time.
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '../api/schema';
import { viewHeader } from './portalView';
import { ApiProblem, NetworkError } from './problem';
import { freshToken, sessionEnded } from './session';

const bearer: Middleware = {
  async onRequest({ request }) {
    const token = await freshToken();
    if (!token) throw new ApiProblem(401, { title: 'Unauthorized' }, null);
    request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401) sessionEnded();
    return response;
  },
};

export const api = createClient<paths>({
  baseUrl: typeof location !== 'undefined' ? location.origin : '',
  credentials: 'same-origin',
});
api.use(bearer, viewHeader);

interface Result<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The answer's data, or an `ApiProblem` / `NetworkError` to show. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await call;
  } catch (e) {
    if (e instanceof ApiProblem) throw e;
    throw new NetworkError(e);
  }
  if (!result.response.ok) {
    throw new ApiProblem(result.response.status, result.error, result.response.headers.get('retry-after'));
  }
  return result.data as T;
}

export type { paths };
export type { components } from '../api/schema';
