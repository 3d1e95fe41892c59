// The news feature's public face: the banner over the header and the announcements icon beside the logo.
export { NewsBanner } from './components/NewsBanner';
export { NewsAnnouncements } from './components/NewsAnnouncements';
export { useNews } from './api';
