// The auth feature's public face: what other parts of the app may use.
import { lazy } from 'react';

export const SignInPage = lazy(() => import('./pages/SignInPage'));
export const ActivatePage = lazy(() => import('./pages/ActivatePage'));
export const ForgotPasswordPage = lazy(() => import('./pages/ForgotPasswordPage'));
export const ResetPasswordPage = lazy(() => import('./pages/ResetPasswordPage'));
export const AccountPage = lazy(() => import('./pages/AccountPage'));
export const UnsubscribePage = lazy(() => import('./pages/UnsubscribePage'));
