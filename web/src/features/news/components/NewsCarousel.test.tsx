import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiProblem } from '../../../lib/problem';
import { NewsCarousel, type CarouselItem } from './NewsCarousel';

const items: CarouselItem[] = [
  { id: 'a', title: 'Office move', body: 'We move on Monday.' },
  { id: 'b', title: 'New phone line', body: 'Call 0100 200 300.' },
  { id: 'c', title: 'Holiday hours', body: 'Closed on the 25th.' },
];

function shown(): string | null {
  return screen.getByRole('group', { name: /of 3$/ }).querySelector('p')?.textContent ?? null;
}

function liveRegion(): HTMLElement {
  const region = screen.getByRole('region', { name: 'News' }).querySelector<HTMLElement>('[aria-live]');
  if (!region) throw new Error('no live region');
  return region;
}

const tick = (ms: number) => act(() => vi.advanceTimersByTime(ms));

function stubReducedMotion(matches: boolean) {
  vi.stubGlobal(
    'matchMedia',
    vi.fn((query: string) => ({
      matches: query.includes('prefers-reduced-motion') ? matches : false,
      media: query,
      onchange: null,
      addEventListener: vi.fn(),
      removeEventListener: vi.fn(),
      addListener: vi.fn(),
      removeListener: vi.fn(),
      dispatchEvent: vi.fn(),
    })),
  );
}

describe('NewsCarousel', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('is a labelled carousel region showing one item at a time, title and body as text', () => {
    render(<NewsCarousel items={[{ id: 'x', title: '<b>Bold</b>', body: 'Line one\nLine two' }, ...items]} onDismiss={() => {}} />);
    const region = screen.getByRole('region', { name: 'News' });
    expect(region).toHaveAttribute('aria-roledescription', 'carousel');
    expect(screen.getByRole('group', { name: '1 of 4' })).toHaveAttribute('aria-roledescription', 'slide');
    expect(screen.getByText('<b>Bold</b>')).toBeInTheDocument();
    expect(region.querySelector('b')).toBeNull();
    expect(screen.queryByText('Office move')).not.toBeInTheDocument();
  });

  it('rotates every 5 seconds, wrapping round, without announcing the automatic changes', () => {
    render(<NewsCarousel items={items} onDismiss={() => {}} />);
    expect(shown()).toBe('Office move');
    expect(liveRegion()).toHaveAttribute('aria-live', 'off');
    tick(4999);
    expect(shown()).toBe('Office move');
    tick(1);
    expect(shown()).toBe('New phone line');
    tick(5000);
    expect(shown()).toBe('Holiday hours');
    tick(5000);
    expect(shown()).toBe('Office move');
  });

  it('shows the item of the dot clicked, and marks that dot as current', () => {
    render(<NewsCarousel items={items} onDismiss={() => {}} />);
    const dot3 = screen.getByRole('button', { name: 'Show news item 3 of 3' });
    expect(screen.getByRole('button', { name: 'Show news item 1 of 3' })).toHaveAttribute('aria-current', 'true');
    expect(dot3).not.toHaveAttribute('aria-current');
    fireEvent.click(dot3);
    expect(shown()).toBe('Holiday hours');
    expect(dot3).toHaveAttribute('aria-current', 'true');
    expect(screen.getByRole('button', { name: 'Show news item 1 of 3' })).not.toHaveAttribute('aria-current');
    expect(screen.getAllByRole('button', { name: /^Show news item/ })).toHaveLength(3);
  });

  it('moves with the chevrons, wrapping at both ends', () => {
    render(<NewsCarousel items={items} onDismiss={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Previous news item' }));
    expect(shown()).toBe('Holiday hours');
    fireEvent.click(screen.getByRole('button', { name: 'Next news item' }));
    expect(shown()).toBe('Office move');
    fireEvent.click(screen.getByRole('button', { name: 'Next news item' }));
    expect(shown()).toBe('New phone line');
  });

  it('pauses while the pointer is over the banner, and says changes then', () => {
    render(<NewsCarousel items={items} onDismiss={() => {}} />);
    const region = screen.getByRole('region', { name: 'News' });
    fireEvent.mouseEnter(region);
    expect(liveRegion()).toHaveAttribute('aria-live', 'polite');
    tick(20_000);
    expect(shown()).toBe('Office move');
    fireEvent.mouseLeave(region);
    expect(liveRegion()).toHaveAttribute('aria-live', 'off');
    tick(5000);
    expect(shown()).toBe('New phone line');
  });

  it('pauses while focus is inside the banner', () => {
    render(
      <>
        <NewsCarousel items={items} onDismiss={() => {}} />
        <button type="button">Elsewhere</button>
      </>,
    );
    act(() => screen.getByRole('button', { name: 'Next news item' }).focus());
    tick(20_000);
    expect(shown()).toBe('Office move');
    act(() => screen.getByRole('button', { name: 'Show news item 2 of 3' }).focus());
    tick(20_000);
    expect(shown()).toBe('Office move');
    act(() => screen.getByRole('button', { name: 'Elsewhere' }).focus());
    tick(5000);
    expect(shown()).toBe('New phone line');
  });

  it('offers a pause button that stops rotation until played again', () => {
    render(<NewsCarousel items={items} onDismiss={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Pause news rotation' }));
    tick(20_000);
    expect(shown()).toBe('Office move');
    expect(liveRegion()).toHaveAttribute('aria-live', 'polite');
    fireEvent.click(screen.getByRole('button', { name: 'Resume news rotation' }));
    tick(5000);
    expect(shown()).toBe('New phone line');
  });

  it('never rotates when reduced motion is preferred', () => {
    stubReducedMotion(true);
    render(<NewsCarousel items={items} onDismiss={() => {}} />);
    tick(60_000);
    expect(shown()).toBe('Office move');
    expect(screen.queryByRole('button', { name: 'Pause news rotation' })).not.toBeInTheDocument();
    expect(liveRegion()).toHaveAttribute('aria-live', 'polite');
    fireEvent.click(screen.getByRole('button', { name: 'Next news item' }));
    expect(shown()).toBe('New phone line');
  });

  it('rotates when motion is not reduced and matchMedia exists', () => {
    stubReducedMotion(false);
    render(<NewsCarousel items={items} onDismiss={() => {}} />);
    tick(5000);
    expect(shown()).toBe('New phone line');
  });

  it('dismisses every item in the banner with the ×', () => {
    const onDismiss = vi.fn();
    render(<NewsCarousel items={items} onDismiss={onDismiss} />);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss news' }));
    expect(onDismiss).toHaveBeenCalledTimes(1);
    expect(onDismiss).toHaveBeenCalledWith(['a', 'b', 'c']);
  });

  it('disables the × while dismissing, keeping it focusable, and says when it failed', () => {
    const onDismiss = vi.fn();
    const refused = new ApiProblem(403, { title: 'Forbidden', detail: 'Not in this portal.' }, null);
    render(<NewsCarousel items={items} onDismiss={onDismiss} dismissing error={refused} />);
    const dismiss = screen.getByRole('button', { name: 'Dismiss news' });
    expect(dismiss).toHaveAttribute('aria-disabled', 'true');
    expect(dismiss).not.toBeDisabled();
    fireEvent.click(dismiss);
    expect(onDismiss).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent('Not in this portal.');
  });

  it('offers no × without onDismiss (another company’s portal), still showing the news', () => {
    render(<NewsCarousel items={items} />);
    expect(screen.getByRole('region', { name: 'News' })).toBeInTheDocument();
    expect(shown()).toBe('Office move');
    expect(screen.queryByRole('button', { name: 'Dismiss news' })).not.toBeInTheDocument();
  });

  it('shows a single item without dots, chevrons or rotation controls', () => {
    render(<NewsCarousel items={[items[0]!]} onDismiss={() => {}} />);
    expect(screen.getByRole('group', { name: '1 of 1' })).toBeInTheDocument();
    expect(screen.getByText('Office move')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Show news item/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Next news item' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Pause news rotation' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Dismiss news' })).toBeInTheDocument();
  });

  it('shows nothing without items', () => {
    const { container } = render(<NewsCarousel items={[]} onDismiss={() => {}} />);
    expect(container).toBeEmptyDOMElement();
  });
});
