import { useState } from 'react';
import { TextField } from '../../../components/Field';
import { m } from '../../../messages';
import { isMonth } from '../month';

interface Props {
  /** The input's label, name and hint: the report's month by default. */
  label?: string;
  name?: string;
  hint?: string;
  /** The month shown, `YYYY-MM`. */
  value: string;
  /** The latest month offered (the current one); none for no limit. */
  max?: string | undefined;
  /** The API's word on the month asked for (a 422 naming this input), shown under the picker. */
  error?: string | undefined;
  /** A whole month was chosen. */
  onChange: (month: string) => void;
}

/**
 * A report's month: a labelled month input, no later than `max`. A half-typed month stays in the box
 * until it is whole; only then is it chosen.
 */
export function MonthPicker({ label, name = 'month', hint, value, max, error, onChange }: Props) {
  const t = m.reports;
  const [text, setText] = useState(value);
  // A month chosen elsewhere (the address, Back) replaces the box's text.
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setText(value);
  }
  return (
    <TextField
        label={label ?? t.month}
        type="month"
        name={name}
        value={text}
        {...(max ? { max } : {})}
        hint={hint ?? t.monthHint}
        error={error}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          if (isMonth(next) && next !== value) onChange(next);
        }}
    />
  );
}
