// The sites feature's parts that other features' pages show (themselves lazily loaded): the home page's
// map, properties and defects panels, and the whole-group page's map and severity badges (with the reads
// it makes for each company of the group).
export { fetchFirstSites, fetchSiteMap, type SiteFeature, type SiteView } from './api';
export { DefectsPanel } from './components/DefectsPanel';
export { MapPanel } from './components/MapPanel';
export { SitesPanel } from './components/SitesPanel';
export { MapLegend, PinMap, pinsOf, type Pin } from './components/PinMap';
export { SeverityBadge } from './components/SeverityBadge';
