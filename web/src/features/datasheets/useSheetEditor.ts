// The editing state of one sheet, shared by the sheet page and its layout window: what is typed, what
// was last saved (and at which version), saving, submitting, and the API's field errors.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiProblem } from '../../lib/problem';
import { ticketKeys } from '../tickets';
import { announceSheetChanged, datasheetKeys, saveSheet, submitSheet, type SheetView } from './api';
import { sameForm, toForm, toValues, valueErrors, type FormState, type FormValue } from './values';

interface Saved {
  version: number;
  form: FormState;
}

export function useSheetEditor(view: SheetView) {
  const qc = useQueryClient();
  const id = view.sheet.id;
  const fields = view.template.fields;
  const [form, setForm] = useState<FormState>(() => toForm(fields, view.sheet.values));
  const [saved, setSaved] = useState<Saved>(() => ({ version: view.sheet.version, form: toForm(fields, view.sheet.values) }));
  const [seenVersion, setSeenVersion] = useState(view.sheet.version);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<'saved' | 'submitted' | null>(null);
  const dirty = !sameForm(form, saved.form);

  const follow = (v: SheetView) => {
    const next = toForm(v.template.fields, v.sheet.values);
    setSaved({ version: v.sheet.version, form: next });
    setSeenVersion(v.sheet.version);
    return next;
  };

  // The server's copy moved on (saved in another window): follow it unless something here is unsaved,
  // in which case the next save is refused as stale and says so.
  if (view.sheet.version !== seenVersion) {
    setSeenVersion(view.sheet.version);
    if (!dirty) {
      const next = toForm(fields, view.sheet.values);
      setSaved({ version: view.sheet.version, form: next });
      setForm(next);
    }
  }

  const stored = (v: SheetView) => {
    qc.setQueryData(datasheetKeys.sheet(id), v);
    void qc.invalidateQueries({ queryKey: ['datasheets', 'list'] });
    announceSheetChanged(id);
  };

  const failed = (e: unknown) => {
    setError(e);
    setErrors(valueErrors(e));
    setMessage(null);
  };

  const save = useMutation({
    mutationFn: () => saveSheet(id, saved.version, toValues(fields, form)),
    onMutate: () => setMessage(null),
    onSuccess: (v) => {
      follow(v);
      stored(v);
      setError(null);
      setErrors({});
      setMessage('saved');
    },
    onError: failed,
  });

  const submit = useMutation({
    mutationFn: async () => {
      // What is typed is saved first: submission takes the stored values.
      if (dirty) {
        const v = await saveSheet(id, saved.version, toValues(fields, form));
        follow(v);
        stored(v);
      }
      return submitSheet(id);
    },
    onMutate: () => setMessage(null),
    onSuccess: (v) => {
      setForm(follow(v));
      stored(v);
      // Submitting raised a ticket: the ticket lists, home's recent tickets and the dashboard read again.
      void qc.invalidateQueries({ queryKey: ticketKeys.all });
      setError(null);
      setErrors({});
      setMessage('submitted');
    },
    onError: failed,
  });

  return {
    form,
    dirty,
    errors,
    error,
    message,
    /** The save was refused because the sheet changed since it was read. */
    stale: error instanceof ApiProblem && error.status === 409,
    locked: view.sheet.status === 'submitted',
    change: (key: string, value: FormValue) => {
      setForm((f) => ({ ...f, [key]: value }));
      setErrors((e) => {
        if (!(key in e)) return e;
        const rest = { ...e };
        delete rest[key];
        return rest;
      });
    },
    save,
    submit,
    /** After a stale save: take the server's copy as it is now. */
    reset: (v: SheetView) => {
      setForm(follow(v));
      setError(null);
      setErrors({});
    },
  };
}

export type SheetEditor = ReturnType<typeof useSheetEditor>;
