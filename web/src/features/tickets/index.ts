// The tickets feature's public face: what other parts of the app may use.
import { lazy } from 'react';

export const TicketListPage = lazy(() => import('./pages/TicketListPage'));
export const NewTicketPage = lazy(() => import('./pages/NewTicketPage'));
export const TicketPage = lazy(() => import('./pages/TicketPage'));
export const DashboardPage = lazy(() => import('./pages/DashboardPage'));
