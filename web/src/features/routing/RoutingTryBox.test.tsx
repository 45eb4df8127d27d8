// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeAuth, fakeFetch, fakeMe, withProviders } from '../../testing.tsx';
import { RoutingTryBox } from './RoutingTryBox.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('routing try box', () => {
  it('makes a point only from coordinates the user gave, never filling in a city of its own', async () => {
    vi.stubGlobal('fetch', fakeFetch({}).impl);
    render(withProviders(<RoutingTryBox version={1} />, fakeAuth(fakeMe(['admin']))));
    const lng = (await screen.findByTestId('routing-try-lng')) as HTMLInputElement;
    const lat = screen.getByTestId('routing-try-lat') as HTMLInputElement;
    fireEvent.change(lng, { target: { value: '115.1' } });
    await waitFor(() => expect(lng.value).toBe('115.100000'));
    expect(lat.value).toBe('');
    fireEvent.change(lat, { target: { value: '29.5' } });
    await waitFor(() => expect(lat.value).toBe('29.500000'));
    expect(lng.value).toBe('115.100000');
  });
});
