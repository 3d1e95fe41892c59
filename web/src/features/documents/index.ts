// The documents feature's public face: what other parts of the app may use.
import { lazy } from 'react';

export const DocumentsPage = lazy(() => import('./pages/DocumentsPage'));
