import { describe, expect, it } from 'vitest';
import { ApiProblem, NetworkError } from '../../../lib/problem';
import { checkNewPassword, codeRefused, groupSecret, normaliseCode } from './passwords';

describe('checkNewPassword', () => {
  it('accepts a long enough password typed twice the same', () => {
    expect(checkNewPassword('Correct-Horse-9', 'Correct-Horse-9')).toEqual({});
  });

  it('says when the two differ', () => {
    expect(checkNewPassword('Correct-Horse-9', 'Correct-Horse-8')).toEqual({ repeat: 'The two passwords are not the same.' });
  });

  it('says when the password is shorter than the policy’s 12 characters', () => {
    expect(checkNewPassword('Short-1', 'Short-1')).toEqual({ password: 'The password must be at least 12 characters.' });
    expect(checkNewPassword('Exactly-12ch', 'Exactly-12ch')).toEqual({});
  });
});

describe('groupSecret', () => {
  it('groups a base32 secret in fours', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
    expect(groupSecret('asdfasdfasdf')).toBe('ASDF ASDF ASDF');
    expect(groupSecret('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
  });
});

describe('normaliseCode', () => {
  it('takes six digits, spaces allowed', () => {
    expect(normaliseCode('123 456')).toBe('123456');
    expect(normaliseCode('12345')).toBeNull();
    expect(normaliseCode('12345a')).toBeNull();
  });
});

describe('codeRefused', () => {
  it('is true for a refusal, not for a failure worth retrying as typed', () => {
    expect(codeRefused(new ApiProblem(401, {}, null))).toBe(true);
    expect(codeRefused(new ApiProblem(422, {}, null))).toBe(true);
    expect(codeRefused(new ApiProblem(429, {}, '30'))).toBe(false);
    expect(codeRefused(new ApiProblem(503, {}, null))).toBe(false);
    expect(codeRefused(new NetworkError(new Error('offline')))).toBe(false);
  });
});
