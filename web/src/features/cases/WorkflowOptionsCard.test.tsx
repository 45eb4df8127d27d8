// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { api } from '../../api/client.ts';
import { fakeAuth, fakeFetch, fakeMe, withProviders } from '../../testing.tsx';
import { WorkflowOptionsCard } from './WorkflowOptionsCard.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const stored = {
  verification: {
    inspector: 'optional',
    operator: 'optional',
    leader: 'optional',
    public: 'required',
    hotline: 'optional',
    petition: 'optional',
    sensor: 'optional',
    camera: 'skip',
  },
  dispatchOnAccept: ['01'],
  selfHandle: null,
  checkBy: 'assigned',
  photos: [
    { majorCode: '06', verify: false, reportBack: true, checkPass: true, selfHandle: false },
    { majorCode: '09', verify: false, reportBack: true, checkPass: false, selfHandle: false },
  ],
};

function show(roles: Parameters<typeof fakeMe>[0], locale: 'zh-CN' | 'en' = 'zh-CN') {
  const server = fakeFetch({
    'GET /api/cases/settings/workflow': () => ({ status: 200, body: stored }),
    'PUT /api/cases/settings/workflow': (_method, body) => ({ status: 200, body }),
  });
  vi.stubGlobal('fetch', server.impl);
  api.setCsrfToken('csrf-test');
  render(withProviders(<WorkflowOptionsCard />, fakeAuth(fakeMe(roles)), locale));
  return server;
}

describe('workflow options card', () => {
  it('shows the options in the UI language and saves a changed photo rule and checker', async () => {
    const server = show(['admin'], 'en');
    expect(await screen.findByText('09 Street order')).toBeTruthy();
    expect(screen.getByText('Always verify')).toBeTruthy();
    fireEvent.click(screen.getByTestId('workflow-photo-verify-09'));
    fireEvent.click(screen.getByText("The on-duty inspectors of the case's grid"));
    fireEvent.click(screen.getByText('Save'));
    await waitFor(() => expect(server.calls.find((c) => c.method === 'PUT')).toBeTruthy());
    const sent = server.calls.find((c) => c.method === 'PUT')?.body as typeof stored;
    expect(sent.checkBy).toBe('grid_on_duty');
    expect(sent.photos[1]).toEqual({
      majorCode: '09',
      verify: true,
      reportBack: true,
      checkPass: false,
      selfHandle: false,
    });
    expect(sent.verification.public).toBe('required');
  });

  it('shows the options without a way to change them to a user without settings.manage', async () => {
    show(['leader']);
    expect(await screen.findByText('06 市容环境类')).toBeTruthy();
    expect(screen.getByTestId('workflow-photo-reportBack-06').hasAttribute('disabled')).toBe(true);
    expect(screen.queryByText('保 存')).toBeNull();
    expect(screen.queryByText('保存')).toBeNull();
  });
});
