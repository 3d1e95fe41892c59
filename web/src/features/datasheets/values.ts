// A sheet's values between the API's typed JSON and the form's inputs (strings, and lists for the
// multiple-choice fields). Blank inputs are left out: the API treats a missing value as empty.
import { formatDate, formatNumber } from '../../lib/format';
import { fieldErrors } from '../../lib/problem';
import { m } from '../../messages';
import type { FieldDef, SheetValues } from './api';

/** What the form holds per field key: text for single inputs, a list for multiple choice. */
export type FormValue = string | string[];
export type FormState = Record<string, FormValue>;

/** The API's values (read loosely: a template may have changed shape) as form inputs. */
export function toForm(fields: FieldDef[], values: Record<string, unknown>): FormState {
  const out: FormState = {};
  for (const f of fields) {
    const v = values[f.key];
    switch (f.type) {
      case 'multiple_choice':
        out[f.key] = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
        break;
      case 'yes_no':
        out[f.key] = v === true ? 'yes' : v === false ? 'no' : '';
        break;
      case 'number':
        out[f.key] = typeof v === 'number' ? String(v) : typeof v === 'string' ? v : '';
        break;
      default:
        out[f.key] = typeof v === 'string' ? v : '';
    }
  }
  return out;
}

/** The form's inputs as the API takes them; blanks are left out. */
export function toValues(fields: FieldDef[], form: FormState): SheetValues {
  const out: SheetValues = {};
  for (const f of fields) {
    const v = form[f.key];
    if (v === undefined) continue;
    if (Array.isArray(v)) {
      if (v.length > 0) out[f.key] = v;
      continue;
    }
    if (v.trim() === '') continue;
    switch (f.type) {
      case 'number': {
        const n = Number(v);
        // Not a number: sent as typed, so the API says what is wrong at the field.
        out[f.key] = Number.isFinite(n) ? n : v;
        break;
      }
      case 'yes_no':
        out[f.key] = v === 'yes';
        break;
      default:
        out[f.key] = v;
    }
  }
  return out;
}

/** A value as text, for a submitted (locked) sheet. */
export function displayValue(field: FieldDef, value: FormValue | undefined): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  if (value === '') return '';
  switch (field.type) {
    case 'yes_no':
      return value === 'yes' ? m.common.yes : m.common.no;
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value;
    case 'number': {
      const n = Number(value);
      return Number.isFinite(n) ? formatNumber(n, 6) : value;
    }
    default:
      return value;
  }
}

/** The API names a value's error `values.<key>`; this gives the errors by field key. */
export function valueErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(fieldErrors(error))) {
    const key = field.startsWith('values.') ? field.slice('values.'.length) : field;
    if (!(key in out)) out[key] = message;
  }
  return out;
}

export function sameForm(a: FormState, b: FormState): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const x = a[k] ?? '';
    const y = b[k] ?? '';
    if (Array.isArray(x) || Array.isArray(y)) {
      const xs = Array.isArray(x) ? x : x ? [x] : [];
      const ys = Array.isArray(y) ? y : y ? [y] : [];
      if (xs.length !== ys.length || xs.some((v, i) => v !== ys[i])) return false;
    } else if (x !== y) return false;
  }
  return true;
}
