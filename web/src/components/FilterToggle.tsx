import { useId } from 'react';

interface Props<T extends string> {
  legend: string;
  value: T;
  options: readonly T[];
  labels: Record<T, string>;
  onChange: (value: T) => void;
}

/** Which list to show: a radio group drawn as a segmented control (arrow keys move between them). */
export function FilterToggle<T extends string>({ legend, value, options, labels, onChange }: Props<T>) {
  const name = useId();
  return (
    <fieldset className="segmented">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o}>
          <input type="radio" name={name} value={o} checked={o === value} onChange={() => onChange(o)} />
          <span>{labels[o]}</span>
        </label>
      ))}
    </fieldset>
  );
}
