// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, waitFor } from '@testing-library/react';
import { formatInstant, setDisplayTimeZone } from '../../components/format.ts';
import { fakeFetch, fakeMe } from '../../testing.tsx';
import { AuthProvider } from './AuthProvider.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  setDisplayTimeZone(null);
});

describe('the signed-in user', () => {
  it("sets the zone every instant on screen is shown in: the city's", async () => {
    const me = fakeMe(['operator']);
    me.user.tenantTimezone = 'Pacific/Honolulu';
    vi.stubGlobal('fetch', fakeFetch({ 'GET /api/auth/me': () => ({ status: 200, body: me }) }).impl);
    render(<AuthProvider>{null}</AuthProvider>);
    await waitFor(() => expect(formatInstant('2026-12-04T16:30:00Z')).toBe('2026-12-04 06:30'));
  });
});
