// The reports feature's public face: what other parts of the app may use. Its page only, a chunk of its own.
import { lazy } from 'react';

export const ActivityReportPage = lazy(() => import('./pages/ActivityReportPage'));
