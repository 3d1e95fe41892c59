// The customers feature's public face: what other parts of the app may use.
import { lazy } from 'react';

export { useMe, meKey, useNotifications, useSetNotifications, type Me, type Module, type Notifications } from './api';
export { addressLines, type Address } from './components/address';
export { PhoneLink } from './components/PhoneLink';
export { PostalAddress } from './components/PostalAddress';
export const CompanyPage = lazy(() => import('./pages/CompanyPage'));
export const ContactsPage = lazy(() => import('./pages/ContactsPage'));
