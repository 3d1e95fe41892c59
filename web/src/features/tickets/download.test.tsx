import { act, render, renderHook, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ApiProblem } from '../../lib/problem';
import type { TicketFilters } from './api';
import { csvFileName, saveBlob } from './download';
import { useCsvExport } from './useCsvExport';

const filters: TicketFilters = { status: 'closed', scope: 'mine', q: 'boiler', cursor: 'c2' };

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('csvFileName', () => {
  it('is tickets-YYYY-MM-DD.csv for the local day', () => {
    expect(csvFileName(new Date(2026, 0, 5, 23, 59))).toBe('tickets-2026-01-05.csv');
    expect(csvFileName(new Date(2026, 11, 31, 0, 1))).toBe('tickets-2026-12-31.csv');
  });
});

describe('saveBlob', () => {
  it('clicks a temporary download link for an object URL and revokes it after', () => {
    vi.useFakeTimers();
    const create = vi.fn(() => 'blob:http://portal/123');
    const revoke = vi.fn();
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke });
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const blob = new Blob(['number,subject\n1,Boiler\n'], { type: 'text/csv' });

    saveBlob(blob, 'tickets-2026-01-05.csv');

    expect(create).toHaveBeenCalledWith(blob);
    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.download).toBe('tickets-2026-01-05.csv');
    expect(clicked[0]!.href).toBe('blob:http://portal/123');
    expect(document.querySelector('a[download]')).toBeNull();
    expect(revoke).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(revoke).toHaveBeenCalledWith('blob:http://portal/123');
  });
});

describe('useCsvExport', () => {
  it('fetches with the list filters and saves under the dated name', async () => {
    const blob = new Blob(['x']);
    const fetchCsv = vi.fn(async () => blob);
    const save = vi.fn();
    const { result } = renderHook(() => useCsvExport(filters, { fetchCsv, save, now: () => new Date(2026, 5, 9) }));
    await act(() => result.current.run());
    expect(fetchCsv).toHaveBeenCalledWith(filters);
    expect(save).toHaveBeenCalledWith(blob, 'tickets-2026-06-09.csv');
    expect(result.current.done).toBe('Downloaded tickets-2026-06-09.csv.');
    expect(result.current.error).toBeNull();
  });

  it('keeps a failure to show with a retry, and saves nothing', async () => {
    const fetchCsv = vi.fn(async (): Promise<Blob> => {
      throw new ApiProblem(503, { title: 'Unavailable' }, null);
    });
    const save = vi.fn();
    const { result } = renderHook(() => useCsvExport(filters, { fetchCsv, save }));
    await act(() => result.current.run());
    expect(save).not.toHaveBeenCalled();
    render(<ErrorAlert error={result.current.error} onRetry={() => void result.current.run()} />);
    expect(screen.getByRole('alert')).toHaveTextContent('busy or briefly unavailable');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(fetchCsv).toHaveBeenCalledTimes(2);
  });
});
