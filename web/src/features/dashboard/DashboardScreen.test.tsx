// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, renderHook, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { fakeAuth, fakeMe, withProviders } from '../../testing.tsx';
import { useLiveCases } from '../cases/useLiveCases.ts';
import { DashboardScreen } from './DashboardScreen.tsx';
import { AutoScrollList } from './WallParts.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/** The browser's EventSource, driven by the test: open, fail while retrying, or give up. */
class FakeEventSource {
  static CONNECTING = 0;
  static OPEN = 1;
  static CLOSED = 2;
  static last: FakeEventSource | null = null;
  readyState = FakeEventSource.CONNECTING;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor() {
    FakeEventSource.last = this;
  }
  addEventListener() {}
  removeEventListener() {}
  close() {}
  open() {
    this.readyState = FakeEventSource.OPEN;
    this.onopen?.();
  }
  fail(state: number) {
    this.readyState = state;
    this.onerror?.();
  }
}

describe('the wall screen in its first second', () => {
  it('shows placeholders and "connecting" while the first figures load, never "disconnected"', () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    vi.stubGlobal('fetch', () => new Promise(() => undefined));
    render(
      withProviders(
        <MemoryRouter>
          <DashboardScreen />
        </MemoryRouter>,
        fakeAuth(fakeMe(['leader'])),
      ),
    );
    expect(screen.getAllByTestId('dash-placeholder').length).toBeGreaterThanOrEqual(4);
    expect(screen.queryByTestId('dash-sla-chart')).toBeNull();
    expect(screen.getByTestId('dashboard-live').textContent).toBe('正在连接…');
    act(() => FakeEventSource.last!.fail(FakeEventSource.CONNECTING));
    expect(screen.getByTestId('dashboard-live').getAttribute('data-status')).toBe('connecting');
  });
});

describe('live status', () => {
  it('is lost only after a connection that was open drops, or when the browser gives up', () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    const { result } = renderHook(() => useLiveCases(() => undefined));
    expect(result.current.status).toBe('connecting');
    act(() => FakeEventSource.last!.open());
    expect(result.current).toEqual({ connected: true, status: 'open' });
    act(() => FakeEventSource.last!.fail(FakeEventSource.CONNECTING));
    expect(result.current).toEqual({ connected: false, status: 'lost' });
    act(() => FakeEventSource.last!.open());
    expect(result.current.status).toBe('open');

    const second = renderHook(() => useLiveCases(() => undefined));
    act(() => FakeEventSource.last!.fail(FakeEventSource.CLOSED));
    expect(second.result.current.status).toBe('lost');
  });
});

describe('long lists on a wall', () => {
  it('scroll themselves after a rest at the top, and stay still while the pointer is over them', () => {
    vi.useFakeTimers();
    render(
      <AutoScrollList testId="list">
        {Array.from({ length: 30 }, (_, i) => (
          <li key={i}>{i}</li>
        ))}
      </AutoScrollList>,
    );
    const list = screen.getByTestId('list');
    Object.defineProperty(list, 'scrollHeight', { value: 900 });
    Object.defineProperty(list, 'clientHeight', { value: 300 });
    act(() => {
      vi.advanceTimersByTime(2000);
    });
    expect(list.scrollTop).toBe(0);
    act(() => {
      vi.advanceTimersByTime(2000);
    });
    const moved = list.scrollTop;
    expect(moved).toBeGreaterThan(0);
    list.dispatchEvent(new Event('mouseenter'));
    act(() => {
      vi.advanceTimersByTime(2000);
    });
    expect(list.scrollTop).toBe(moved);
  });
});
