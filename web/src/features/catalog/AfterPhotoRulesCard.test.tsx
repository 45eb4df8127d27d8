// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { api } from '../../api/client.ts';
import { fakeAuth, fakeFetch, fakeMe, withProviders } from '../../testing.tsx';
import { AfterPhotoRulesCard } from './AfterPhotoRulesCard.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const stored = {
  classes: [
    { majorCode: '06', reportBack: true, checkPass: true },
    { majorCode: '09', reportBack: true, checkPass: false },
  ],
};

function show(roles: Parameters<typeof fakeMe>[0], locale: 'zh-CN' | 'en' = 'zh-CN') {
  const server = fakeFetch({
    'GET /api/cases/settings/after-photos': () => ({ status: 200, body: stored }),
    'PUT /api/cases/settings/after-photos': (_method, body) => ({ status: 200, body }),
  });
  vi.stubGlobal('fetch', server.impl);
  api.setCsrfToken('csrf-test');
  render(withProviders(<AfterPhotoRulesCard />, fakeAuth(fakeMe(roles)), locale));
  return server;
}

describe('after-photo rules', () => {
  it('shows each class with its rules in the UI language, and saves a waiver', async () => {
    const server = show(['admin'], 'en');
    expect(await screen.findByText('09 Street order')).toBeTruthy();
    const reportBack09 = screen.getByTestId('after-photos-reportBack-09');
    expect(reportBack09.getAttribute('aria-checked')).toBe('true');
    expect(screen.getByTestId('after-photos-checkPass-09').getAttribute('aria-checked')).toBe('false');
    fireEvent.click(reportBack09);
    fireEvent.click(screen.getByText('Save'));
    await waitFor(() => expect(server.calls.find((c) => c.method === 'PUT')).toBeTruthy());
    expect(server.calls.find((c) => c.method === 'PUT')?.body).toEqual({
      classes: [
        { majorCode: '06', reportBack: true, checkPass: true },
        { majorCode: '09', reportBack: false, checkPass: false },
      ],
    });
  });

  it('shows the rules without a way to change them to a user without settings.manage', async () => {
    show(['leader']);
    expect(await screen.findByText('06 市容环境类')).toBeTruthy();
    expect(screen.getByTestId('after-photos-reportBack-06').hasAttribute('disabled')).toBe(true);
    expect(screen.queryByText('保 存')).toBeNull();
    expect(screen.queryByText('保存')).toBeNull();
  });
});
