// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { useResource, type Loader } from './use-resource.ts';

afterEach(cleanup);

/** A loader whose answers the test releases by hand, recording each call's signal. */
function controlled<T>() {
  const calls: { arg: string; signal: AbortSignal; resolve: (v: T) => void; reject: (e: unknown) => void }[] = [];
  const make =
    (arg: string): Loader<T> =>
    (signal) =>
      new Promise<T>((resolve, reject) => {
        calls.push({ arg, signal, resolve, reject });
        signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
  return { calls, make };
}

describe('useResource', () => {
  it('aborts the previous request when the inputs change, and a late answer to it is never shown', async () => {
    const { calls, make } = controlled<string>();
    const { result, rerender } = renderHook(({ id }) => useResource(make(id), [id]), { initialProps: { id: 'a' } });
    expect(result.current.loading).toBe(true);
    rerender({ id: 'b' });
    expect(calls.map((c) => [c.arg, c.signal.aborted])).toEqual([
      ['a', true],
      ['b', false],
    ]);
    act(() => calls[0]?.resolve('old'));
    act(() => calls[1]?.resolve('new'));
    await waitFor(() => expect(result.current.data).toBe('new'));
    // the abort of 'a' is not an error
    expect(result.current.error).toBeNull();
    expect(result.current.loading).toBe(false);
  });

  it('aborts on unmount', () => {
    const { calls, make } = controlled<string>();
    const { unmount } = renderHook(() => useResource(make('x'), []));
    unmount();
    expect(calls[0]?.signal.aborted).toBe(true);
  });

  it('reports a failure, keeps the last good data, and reload() tries again', async () => {
    const { calls, make } = controlled<number>();
    const { result } = renderHook(() => useResource(make('n'), []));
    act(() => calls[0]?.resolve(1));
    await waitFor(() => expect(result.current.data).toBe(1));
    act(() => result.current.reload());
    expect(calls).toHaveLength(2);
    const failure = new Error('boom');
    act(() => calls[1]?.reject(failure));
    await waitFor(() => expect(result.current.error).toBe(failure));
    expect(result.current.data).toBe(1);
    act(() => result.current.reload());
    expect(result.current.error).toBeNull();
    act(() => calls[2]?.resolve(2));
    await waitFor(() => expect(result.current.data).toBe(2));
    expect(result.current.loading).toBe(false);
  });

  it('loads nothing while the loader is null, and with resetOnChange never shows the previous record', async () => {
    const { calls, make } = controlled<string>();
    const { result, rerender } = renderHook(
      ({ id }: { id: string | null }) => useResource(id ? make(id) : null, [id], { resetOnChange: true }),
      { initialProps: { id: null as string | null } },
    );
    expect(calls).toHaveLength(0);
    expect(result.current.loading).toBe(false);
    rerender({ id: 'a' });
    act(() => calls[0]?.resolve('A'));
    await waitFor(() => expect(result.current.data).toBe('A'));
    rerender({ id: 'b' });
    expect(result.current.data).toBeNull();
    expect(result.current.loading).toBe(true);
  });

  it('waits delayMs after the last change before loading (typing), so only the last input is fetched', async () => {
    const { calls, make } = controlled<string>();
    const { rerender } = renderHook(({ q }) => useResource(make(q), [q], { delayMs: 30 }), {
      initialProps: { q: 'l' },
    });
    rerender({ q: 'li' });
    rerender({ q: 'lig' });
    expect(calls).toHaveLength(0);
    await waitFor(() => expect(calls.map((c) => c.arg)).toEqual(['lig']));
  });
});
