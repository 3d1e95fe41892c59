// The reports feature's public face: what other parts of the app may use. Its pages only, each a chunk of its own.
import { lazy } from 'react';

export const ActivityReportPage = lazy(() => import('./pages/ActivityReportPage'));
export const RoutineReportPage = lazy(() => import('./pages/RoutineReportPage'));
export const MailedReportPage = lazy(() => import('./pages/MailedReportPage'));
