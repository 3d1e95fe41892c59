// The home feature's public face: what other parts of the app may use.
import { lazy } from 'react';

export const HomePage = lazy(() => import('./pages/HomePage'));
