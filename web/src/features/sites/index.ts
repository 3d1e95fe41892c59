// The sites feature's public face: what other parts of the app may use.
import { lazy } from 'react';

export const SiteListPage = lazy(() => import('./pages/SiteListPage'));
export const SitePage = lazy(() => import('./pages/SitePage'));
