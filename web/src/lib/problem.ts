// Problem documents (RFC 9457) and transport failures, turned into what a person can act on.
import { m } from '../messages';
import { formatFromNow } from './format';

export interface FieldError {
  field: string;
  message: string;
}

/** An answer of the API that was not a success, with its problem document. */
export class ApiProblem extends Error {
  readonly status: number;
  readonly type: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[];
  readonly retryAt: Date | null;

  constructor(status: number, body: unknown, retryAfter: string | null) {
    const doc = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    super(typeof doc.title === 'string' ? doc.title : `HTTP ${status}`);
    this.name = 'ApiProblem';
    this.status = status;
    this.type = typeof doc.type === 'string' ? doc.type : 'about:blank';
    this.detail = typeof doc.detail === 'string' ? doc.detail : undefined;
    this.errors = Array.isArray(doc.errors)
      ? doc.errors.filter((e): e is FieldError => typeof e?.field === 'string' && typeof e?.message === 'string')
      : [];
    this.retryAt = parseRetryAfter(retryAfter);
  }

  /** The kind after the stable prefix, e.g. `validation`, `not-found`. */
  get kind(): string {
    return this.type.split('/').pop() ?? this.type;
  }
}

/** The request never got an answer (offline, DNS, connection refused). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network', { cause });
    this.name = 'NetworkError';
  }
}

function parseRetryAfter(value: string | null): Date | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return new Date(Date.now() + seconds * 1000);
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Whether trying the same request again may succeed (offer a retry button). */
export function isRetryable(error: unknown): boolean {
  return error instanceof NetworkError || (error instanceof ApiProblem && (error.status >= 500 || error.status === 429));
}

/** One sentence for a person. Field errors are shown at their fields; this is the summary. */
export function problemMessage(error: unknown): string {
  const e = m.common.errors;
  if (error instanceof NetworkError) return e.network;
  if (!(error instanceof ApiProblem)) return e.generic;
  switch (error.status) {
    case 401:
      return e.unauthorized;
    case 403:
      return error.detail ?? e.forbidden;
    case 404:
      return e.notFound;
    case 409:
      return error.detail ?? e.conflict;
    case 413:
      return e.tooLarge;
    case 422:
      return error.errors.length > 0 ? e.validation : (error.detail ?? e.validation);
    case 429:
      return e.tooManyRequests(error.retryAt ? formatFromNow(error.retryAt) : null);
    case 503:
      return e.unavailable;
    default:
      return error.status >= 500 ? e.server : (error.detail ?? e.generic);
  }
}

/** The API's field errors by field name (first message per field). */
export function fieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (error instanceof ApiProblem) {
    for (const f of error.errors) {
      if (!(f.field in out)) out[f.field] = f.message;
    }
  }
  return out;
}
