// The tickets feature's public face: what other parts of the app may use.
import { lazy } from 'react';

/** The query keys, for features whose changes make new tickets (a submitted data sheet) or show them (home). */
export { ticketKeys } from './api';

export const TicketListPage = lazy(() => import('./pages/TicketListPage'));
export const NewTicketPage = lazy(() => import('./pages/NewTicketPage'));
export const TicketPage = lazy(() => import('./pages/TicketPage'));
export const DashboardPage = lazy(() => import('./pages/DashboardPage'));
