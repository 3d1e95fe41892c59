// The datasheets feature's public face: what other parts of the app may use.
import { lazy } from 'react';

export const DataSheetListPage = lazy(() => import('./pages/DataSheetListPage'));
export const DataSheetPage = lazy(() => import('./pages/DataSheetPage'));
export const DataSheetLayoutPage = lazy(() => import('./pages/DataSheetLayoutPage'));
