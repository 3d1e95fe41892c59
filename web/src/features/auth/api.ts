// The auth routes the pages call. Sign-in, activation and reset are public (no bearer token; the refresh
// token comes back only as an HttpOnly cookie); changing the password is a signed-in call.
import { useMutation } from '@tanstack/react-query';
import { api, unwrap, type components } from '../../lib/api';
import { authApi } from '../../lib/authApi';
import { signedIn } from '../../lib/session';

export type Challenge = components['schemas']['Challenge'];
export type Tokens = components['schemas']['Tokens'];
export type TotpEnrollment = components['schemas']['TotpEnrollment'];

/** Step one of sign-in: the password is right, the authenticator code is next. */
export function useLogin() {
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => unwrap(authApi.POST('/portal/auth/login', { body })),
  });
}

/** Step two: the code. On success the session holds the ID token; the refresh token is an HttpOnly cookie. */
export function useLoginMfa() {
  return useMutation({
    mutationFn: (body: { username: string; session: string; code: string }) =>
      unwrap(authApi.POST('/portal/auth/login/mfa', { body: { ...body, refresh_cookie: true } })),
    onSuccess: (tokens) => signedIn(tokens),
  });
}

/** Activation, step one: the invitation's token and a new password; answers with the TOTP secret. */
export function useActivate() {
  return useMutation({
    mutationFn: (body: { token: string; password: string }) => unwrap(authApi.POST('/portal/auth/activate', { body })),
  });
}

/** Activation, step two: the first code from the authenticator; signs the contact in. */
export function useActivateTotp() {
  return useMutation({
    mutationFn: (body: { token: string; code: string }) =>
      unwrap(authApi.POST('/portal/auth/activate/totp', { body: { ...body, refresh_cookie: true } })),
    onSuccess: (tokens) => signedIn(tokens),
  });
}

/** Always accepted, whether or not the account exists. */
export function useForgotPassword() {
  return useMutation({
    mutationFn: (body: { username: string }) => unwrap(authApi.POST('/portal/auth/password/forgot', { body })),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (body: { token: string; password: string }) => unwrap(authApi.POST('/portal/auth/password/reset', { body })),
  });
}

export interface ChangePasswordInput {
  current_password: string;
  new_password: string;
  code: string;
}

/** The signed-in contact's new password, proven with the current one and an authenticator code. */
export function useChangePassword() {
  return useMutation({
    mutationFn: (body: ChangePasswordInput) => unwrap(api.POST('/portal/account/password', { body })),
  });
}

export type Unsubscribed = components['schemas']['Unsubscribed'];

/** An email's unsubscribe link, used: public (the link is the proof). Answers which emails stopped. */
export function useUnsubscribe() {
  return useMutation({
    mutationFn: (token: string) => unwrap(authApi.POST('/portal/auth/unsubscribe/{token}', { params: { path: { token } } })),
  });
}
