// The workflows feature's public face: what other parts of the app may use.
import { lazy } from 'react';

export const WorkflowListPage = lazy(() => import('./pages/WorkflowListPage'));
export const WorkflowPage = lazy(() => import('./pages/WorkflowPage'));
