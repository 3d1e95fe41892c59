// The public auth routes: no bearer token; the refresh cookie travels by itself (same origin).
import createClient from 'openapi-fetch';
import type { paths } from '../api/schema';

export const authApi = createClient<paths>({
  baseUrl: typeof location !== 'undefined' ? location.origin : '',
  credentials: 'same-origin',
});
