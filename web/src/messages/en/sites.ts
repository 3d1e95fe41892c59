// Sites: the company's properties (list, map, defects panel), a property with its assets and defects, and
// editing the asset fields staff opened to contacts.
type Severity = 'critical' | 'non_critical' | 'non_conformance' | 'recommendation' | 'information';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Asset types staff use today; any other shows as its own words (`fire_door` → "Fire door"). */
const assetTypes: Record<string, string> = {
  extinguisher: 'Extinguisher',
  exit_light: 'Exit light',
  emergency_light: 'Emergency light',
  fire_door: 'Fire door',
  alarm_panel: 'Alarm panel',
};

export const sites = {
  nav: 'Properties',
  severity: {
    critical: 'Critical',
    non_critical: 'Non-critical',
    non_conformance: 'Non-conformance',
    recommendation: 'Recommendation',
    information: 'Information',
    none: 'No open defects',
  } satisfies Record<Severity | 'none', string>,
  assetType: (type: string) => {
    const known = assetTypes[type];
    if (known) return known;
    const words = type.replace(/[_-]+/g, ' ').trim();
    return words ? words.charAt(0).toUpperCase() + words.slice(1) : type;
  },

  list: {
    title: 'Properties',
    intro: 'Your company’s sites and what needs attention on them.',
    caption: (page: number) => (page <= 1 ? 'Properties, by name' : `Properties, by name, page ${page}`),
    empty: 'There are no properties for your company yet.',
    columns: {
      name: 'Property',
      address: 'Address',
      attention: 'Open defects needing attention',
      worst: 'Worst open defect',
    },
  },

  homePanel: {
    title: 'Properties',
    intro: 'The first of your properties by name, with what needs attention at each.',
    all: 'All properties',
  },

  map: {
    title: 'Map of your properties',
    hint: 'Each pin is a property, coloured and sized by its worst open defect. Drag or use the arrow keys to move the map, + and − to zoom. The table below lists the same properties.',
    legend: 'Key to the pins',
    loading: 'Loading the map…',
    failed: 'The map could not be drawn. The table below lists every property.',
    empty: 'None of your properties has a position on the map yet.',
    pins: (n: number) => (n === 1 ? 'One property on the map.' : `${n} properties on the map.`),
    openDefects: (n: number) => plural(n, 'open defect needs attention', 'open defects need attention'),
    worst: (label: string) => `Worst open defect: ${label}`,
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
  },

  panel: {
    title: 'Defects',
    intro: 'Open defects across all your properties, the last 12 months, and your assets by their worst open defect. Each chart has a table with the same figures.',
    openBySeverity: 'Open defects by severity',
    severity: 'Severity',
    count: 'Open defects',
    openTotal: (n: string) => `${n} open in all, across every property.`,
    perMonth: 'Defects raised in the last 12 months',
    month: 'Month raised',
    raised: 'Raised',
    resolved: 'Resolved',
    stillOpen: 'Still open',
    countAxis: 'Defects',
    assetsByType: 'Assets by type and worst open defect',
    assetType: 'Asset type',
    assets: 'Assets',
    noAssets: 'No assets recorded yet.',
    chartLoading: 'Loading the chart…',
    summary: (first: string, last: string, raised: string, resolved: string, open: string) =>
      `Defects raised per month, ${first} to ${last}: ${raised} raised, ${resolved} resolved and ${open} still open in all.`,
  },

  site: {
    loadingTitle: 'Property',
    notFoundTitle: 'Property not found',
    notFoundBody: 'There is no such property for your company. It may have been removed.',
    backToList: 'All properties',
    details: 'Details',
    address: 'Address',
    notes: 'Notes',
    noNotes: 'No notes',
    attention: 'What needs attention',
    needsAttention: (n: number) =>
      n === 0 ? 'No open defect needs attention.' : plural(n, 'open defect needs attention', 'open defects need attention') + '.',
    attentionHint: 'Recommendations and information are listed but do not count as needing attention.',
  },

  assets: {
    title: 'Assets',
    caption: (page: number) => (page <= 1 ? 'Assets, by type and identifier' : `Assets, by type and identifier, page ${page}`),
    empty: 'No assets are recorded at this property.',
    columns: {
      type: 'Type',
      identifier: 'Identifier',
      location: 'Location',
      lastService: 'Last service',
      nextService: 'Next service',
      worst: 'Worst open defect',
      actions: 'Actions',
    },
    notSet: 'Not recorded',
    edit: 'Edit',
    editLabel: (identifier: string) => `Edit ${identifier}`,
    saved: (identifier: string) => `${identifier} was saved.`,
  },

  edit: {
    title: (identifier: string) => `Edit ${identifier}`,
    intro: 'You can change the fields below. Everything else about this asset is kept by our staff.',
    fields: {
      identifier: 'Identifier',
      location: 'Location',
      notes: 'Notes',
    },
    required: (label: string) => `${label} is required.`,
    fieldError: (label: string, message: string) => (/^[A-Z]/.test(message) ? message : `${label} ${message}`),
    save: 'Save changes',
    cancel: 'Cancel',
    stale: 'This asset was changed meanwhile by someone else. Reload it to see the latest values; what you typed here will be replaced.',
    reload: 'Reload the asset',
  },

  files: {
    title: 'Files',
    none: 'No files are shared for this property.',
    opening: 'Opening…',
    inFolder: (folder: string) => `in ${folder}`,
    added: (date: string) => `added ${date}`,
  },
  defects: {
    title: 'Defects',
    statusLegend: 'Defects to show',
    open: 'Open',
    resolved: 'Resolved',
    caption: (status: 'open' | 'resolved', page: number) =>
      `${status === 'open' ? 'Open defects' : 'Resolved defects'}, newest first${page > 1 ? `, page ${page}` : ''}`,
    emptyOpen: 'There are no open defects at this property.',
    emptyResolved: 'No defects at this property have been resolved yet.',
    columns: {
      severity: 'Severity',
      description: 'Description',
      raised: 'Raised',
      resolved: 'Resolved',
    },
    notResolved: 'Not yet',
  },
};
