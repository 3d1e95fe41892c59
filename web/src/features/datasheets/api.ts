// Data sheets: the company's sheets, the templates it may start one from, and a sheet's save and submit.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, unwrap, type components } from '../../lib/api';

export type Sheet = components['schemas']['Sheet'];
export type SheetView = components['schemas']['SheetView'];
export type Template = components['schemas']['Template'];
export type FieldDef = components['schemas']['FieldDef'];
export type AvailableTemplate = components['schemas']['AvailableTemplate'];
/** A sheet's values as the API takes them: field key → string, number, boolean or list of strings. */
export type SheetValues = Record<string, string | number | boolean | string[]>;

export const datasheetKeys = {
  all: ['datasheets'] as const,
  list: (cursor: string | null) => ['datasheets', 'list', cursor] as const,
  templates: ['datasheets', 'templates'] as const,
  sheet: (id: string) => ['datasheets', 'sheet', id] as const,
};

export function useSheets(cursor: string | null) {
  return useQuery({
    queryKey: datasheetKeys.list(cursor),
    queryFn: () => unwrap(api.GET('/portal/datasheets', { params: { query: cursor ? { cursor } : {} } })),
  });
}

export function useTemplates() {
  return useQuery({ queryKey: datasheetKeys.templates, queryFn: () => unwrap(api.GET('/portal/datasheets/templates')) });
}

export function useSheet(id: string) {
  return useQuery({
    queryKey: datasheetKeys.sheet(id),
    queryFn: () => unwrap(api.GET('/portal/datasheets/{id}', { params: { path: { id } } })),
  });
}

/** Starts a draft from a template; the new sheet is cached so its page opens without another read. */
export function useStartSheet() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (templateId: string) => unwrap(api.POST('/portal/datasheets', { body: { template_id: templateId } })),
    onSuccess: (view) => {
      qc.setQueryData(datasheetKeys.sheet(view.sheet.id), view);
      void qc.invalidateQueries({ queryKey: ['datasheets', 'list'] });
    },
  });
}

/**
 * Saves the values with `If-Match` = the version they were read at: the API refuses a stale save (409)
 * rather than overwriting what someone else saved.
 */
export async function saveSheet(id: string, version: number, values: SheetValues): Promise<SheetView> {
  return unwrap(
    api.PUT('/portal/datasheets/{id}', {
      params: { path: { id }, header: { 'If-Match': `"${version}"` } },
      // The schema describes `values` as a bare object (generated as Record<string, never>); the API
      // checks each value against its field's type.
      body: { values: values as Record<string, never> },
    }),
  );
}

export async function submitSheet(id: string): Promise<SheetView> {
  return unwrap(api.POST('/portal/datasheets/{id}/submit', { params: { path: { id } } }));
}

/**
 * The sheet page and its layout window are separate windows of the same app: each tells the others when
 * it saved or submitted a sheet, so they read it again instead of working on a stale copy.
 */
const CHANNEL = 'portal-datasheets';
/** This window, so it does not take its own news for someone else's. */
const WINDOW_ID = Math.random().toString(36).slice(2);

export function announceSheetChanged(id: string) {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ id, from: WINDOW_ID });
  channel.close();
}

export function useSheetChangesElsewhere(id: string) {
  const qc = useQueryClient();
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (e: MessageEvent<{ id?: unknown; from?: unknown }>) => {
      if (e.data?.id === id && e.data.from !== WINDOW_ID) {
        void qc.invalidateQueries({ queryKey: datasheetKeys.sheet(id) });
        void qc.invalidateQueries({ queryKey: ['datasheets', 'list'] });
      }
    };
    return () => channel.close();
  }, [id, qc]);
}
