import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { FIELDS } from '../testing';
import type { FormValue } from '../values';
import { SheetField } from './SheetField';

const field = (key: string) => {
  const f = FIELDS.find((x) => x.key === key);
  if (!f) throw new Error(key);
  return f;
};

function Controlled({ fieldKey, variant, onValue }: { fieldKey: string; variant?: 'block' | 'inline'; onValue?: (v: FormValue) => void }) {
  const [value, setValue] = useState<FormValue | undefined>(undefined);
  return (
    <SheetField
      field={field(fieldKey)}
      value={value}
      variant={variant ?? 'block'}
      onChange={(_, v) => {
        setValue(v);
        onValue?.(v);
      }}
    />
  );
}

describe('SheetField', () => {
  it.each(['block', 'inline'] as const)('gives every kind a labelled control (%s)', (variant) => {
    render(
      <>
        {FIELDS.map((f) => (
          <SheetField key={f.key} field={f} value={undefined} onChange={() => {}} variant={variant} />
        ))}
      </>,
    );
    const site = screen.getByRole('textbox', { name: /Site name/ });
    expect(site).toHaveAttribute('type', 'text');
    expect(site).toHaveAttribute('maxlength', '40');
    expect(site).toBeRequired();
    expect(screen.getByRole('textbox', { name: /Notes/ }).tagName).toBe('TEXTAREA');
    const floors = screen.getByRole('spinbutton', { name: /Floors/ });
    expect(floors).toHaveAttribute('min', '1');
    expect(floors).toHaveAttribute('max', '50');
    expect(floors).toHaveAttribute('step', '1');
    expect(screen.getByLabelText(/Visit date/)).toHaveAttribute('type', 'date');
    const lift = screen.getByRole(variant === 'block' ? 'group' : 'radiogroup', { name: /Has a lift/ });
    expect(within(lift).getByRole('radio', { name: 'Yes' })).toBeInTheDocument();
    expect(within(lift).getByRole('radio', { name: 'No' })).toBeInTheDocument();
    const risk = screen.getByRole(variant === 'block' ? 'group' : 'radiogroup', { name: /Risk/ });
    expect(within(risk).getAllByRole('radio').map((r) => (r as HTMLInputElement).value)).toEqual(['Low', 'High']);
    const kit = screen.getByRole('group', { name: /Equipment/ });
    expect(within(kit).getAllByRole('checkbox')).toHaveLength(3);
  });

  it('shows help and the field rules as the description', () => {
    render(<SheetField field={field('site')} value="" onChange={() => {}} />);
    expect(screen.getByRole('textbox', { name: /Site name/ })).toHaveAccessibleDescription('As on the contract. Up to 40 characters.');
    render(<SheetField field={field('floors')} value="" onChange={() => {}} />);
    expect(screen.getByRole('spinbutton', { name: /Floors/ })).toHaveAccessibleDescription('A whole number from 1 to 50.');
  });

  it('marks required choice groups in words as well as with a star', () => {
    render(<SheetField field={field('risk')} value="" onChange={() => {}} />);
    expect(screen.getByRole('group', { name: /^Risk\s*\(required\)$/ })).toBeInTheDocument();
    // A required single choice cannot be left unanswered again; an optional one can.
    expect(screen.queryByRole('radio', { name: 'Not answered' })).toBeNull();
    render(<SheetField field={field('lift')} value="" onChange={() => {}} />);
    expect(screen.getByRole('radio', { name: 'Not answered' })).toBeChecked();
  });

  it('shows the API message at the field and ties it to the control', () => {
    render(<SheetField field={field('floors')} value="2.5" onChange={() => {}} error="must be a whole number" />);
    const input = screen.getByRole('spinbutton', { name: /Floors/ });
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(/must be a whole number/);
  });

  it('reports typed values: text, yes/no, one choice, several choices in option order', async () => {
    const user = userEvent.setup();
    const seen = vi.fn();
    render(
      <>
        <Controlled fieldKey="site" onValue={seen} />
        <Controlled fieldKey="lift" onValue={seen} />
        <Controlled fieldKey="kit" onValue={seen} />
      </>,
    );
    await user.type(screen.getByRole('textbox', { name: /Site name/ }), 'HQ');
    expect(seen).toHaveBeenLastCalledWith('HQ');
    await user.click(screen.getByRole('radio', { name: 'Yes' }));
    expect(seen).toHaveBeenLastCalledWith('yes');
    await user.click(screen.getByRole('checkbox', { name: 'Scaffold' }));
    await user.click(screen.getByRole('checkbox', { name: 'Ladder' }));
    expect(seen).toHaveBeenLastCalledWith(['Ladder', 'Scaffold']);
    await user.click(screen.getByRole('checkbox', { name: 'Scaffold' }));
    expect(seen).toHaveBeenLastCalledWith(['Ladder']);
  });

  it('is usable by keyboard: arrow keys move within a radio group', async () => {
    const user = userEvent.setup();
    render(<Controlled fieldKey="risk" />);
    await user.tab();
    expect(screen.getByRole('radio', { name: 'Low' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('radio', { name: 'High' })).toBeChecked();
  });
});
