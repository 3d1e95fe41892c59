// The jobs feature's public face: what other parts of the app may use.
import { lazy } from 'react';

export const JobListPage = lazy(() => import('./pages/JobListPage'));
export const JobPage = lazy(() => import('./pages/JobPage'));
