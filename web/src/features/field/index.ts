// The field service feature's public face: what other parts of the app may use. Its pages only, each a
// chunk of its own; the parts other pages show (the panels, a property's jobs, a job's field side) are in
// `./parts`, so that the app's entry, which imports this file, carries none of them.
import { lazy } from 'react';

export const RoutineListPage = lazy(() => import('./pages/RoutineListPage'));
export const ServiceCallListPage = lazy(() => import('./pages/ServiceCallListPage'));
