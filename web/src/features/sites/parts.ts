// The sites feature's parts that other features' pages show (themselves lazily loaded): the home page's
// map, properties and defects panels.
export { DefectsPanel } from './components/DefectsPanel';
export { MapPanel } from './components/MapPanel';
export { SitesPanel } from './components/SitesPanel';
