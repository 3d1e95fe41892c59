// The groups feature's public face: the shell's switcher and banner, whether another customer's portal is
// in view (pages hide the writes refused there), switching back to one's own (an emailed report's link is
// the contact's own company's), and the whole-group page (a chunk of its own).
import { lazy } from 'react';

export { useGroup, useSwitchView, useViewedCustomer, useViewingOther, groupKey } from './api';
export { OwnPortalOnly } from './components/OwnPortalOnly';
export { ViewBanner } from './components/ViewBanner';
export { ViewSwitcher } from './components/ViewSwitcher';
export const GroupPage = lazy(() => import('./pages/GroupPage'));
