import { useId } from 'react';
import { m } from '../../../messages';
import type { DefectStatus } from '../api';

interface Props {
  value: DefectStatus;
  onChange: (value: DefectStatus) => void;
}

/** Open or resolved defects: a radio group drawn as a segmented control (arrow keys move between them). */
export function StatusToggle({ value, onChange }: Props) {
  const t = m.sites.defects;
  const name = useId();
  const options: { value: DefectStatus; label: string }[] = [
    { value: 'open', label: t.open },
    { value: 'resolved', label: t.resolved },
  ];
  return (
    <fieldset className="segmented">
      <legend>{t.statusLegend}</legend>
      {options.map((o) => (
        <label key={o.value}>
          <input type="radio" name={name} value={o.value} checked={o.value === value} onChange={() => onChange(o.value)} />
          <span>{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
