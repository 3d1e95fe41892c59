import { ApiProblem, NetworkError, fieldErrors, isRetryable, problemMessage } from './problem';

const problem = (status: number, body: object = {}, retryAfter: string | null = null) => new ApiProblem(status, body, retryAfter);

describe('problem documents become messages a person understands', () => {
  it('keeps the field errors by field, first message per field', () => {
    const p = problem(422, { type: 'https://problems.customer-portal.dev/validation', title: 'Invalid', errors: [
      { field: 'subject', message: 'is required' },
      { field: 'subject', message: 'second' },
      { field: 'priority', message: 'must be one of low, normal' },
    ] });
    expect(p.kind).toBe('validation');
    expect(fieldErrors(p)).toEqual({ subject: 'is required', priority: 'must be one of low, normal' });
    expect(problemMessage(p)).toBe('Some fields need attention.');
  });

  it('says when to try again after a 429 with Retry-After', () => {
    const p = problem(429, { title: 'Too many' }, '120');
    expect(p.retryAt).not.toBeNull();
    expect(problemMessage(p)).toMatch(/try again in 2 minutes/);
    expect(isRetryable(p)).toBe(true);
  });

  it('offers a retry for network failures and 5xx, never for 4xx', () => {
    expect(isRetryable(new NetworkError(new TypeError('fetch failed')))).toBe(true);
    expect(problemMessage(new NetworkError(null))).toMatch(/nothing you typed has been lost/);
    expect(isRetryable(problem(503))).toBe(true);
    expect(isRetryable(problem(500))).toBe(true);
    expect(isRetryable(problem(404))).toBe(false);
    expect(isRetryable(problem(422))).toBe(false);
  });

  it('treats another customer\'s object exactly like a missing one', () => {
    expect(problemMessage(problem(404))).toMatch(/could not find/);
  });

  it('uses the API\'s detail for a conflict', () => {
    expect(problemMessage(problem(409, { detail: 'the ticket is closed' }))).toBe('the ticket is closed');
  });
});
