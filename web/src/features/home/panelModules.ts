// The modules that each switch on a panel of the home page, in the order the panels show. Kept apart from
// the panels themselves, which load (a chunk of their own) only for a company with one of them on.
import type { Module } from '../customers';

export const PANEL_MODULES = ['site_map', 'sites', 'activity', 'spend', 'defect_analytics', 'routine', 'service_calls'] as const satisfies readonly Module[];

export type PanelModule = (typeof PANEL_MODULES)[number];
