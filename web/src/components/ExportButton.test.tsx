// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { fakeAuth, fakeMe, withProviders } from '../testing.tsx';
import { fileNameOf } from './download.ts';
import { ExportButton } from './ExportButton.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('fileNameOf', () => {
  it('prefers the UTF-8 name, falls back to the plain one, then to the default', () => {
    expect(
      fileNameOf(`attachment; filename="cases.xlsx"; filename*=UTF-8''${encodeURIComponent('案件列表.xlsx')}`, 'x'),
    ).toBe('案件列表.xlsx');
    expect(fileNameOf('attachment; filename="ranking-unit-2024-03.xlsx"', 'x')).toBe('ranking-unit-2024-03.xlsx');
    expect(fileNameOf(null, 'fallback.xlsx')).toBe('fallback.xlsx');
  });
});

describe('ExportButton', () => {
  function show(status = 200) {
    const calls: { url: string; headers: Record<string, string> }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push({ url, headers: init.headers as Record<string, string> });
      return status === 200
        ? new Response(new Blob(['PK']), {
            status,
            headers: { 'content-disposition': 'attachment; filename="users.xlsx"' },
          })
        : new Response(JSON.stringify({ error: { code: 'FORBIDDEN', message: '没有权限', requestId: 'r' } }), {
            status,
            headers: { 'content-type': 'application/json' },
          });
    });
    const click = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(click);
    render(
      withProviders(
        <App>
          <ExportButton
            path="/api/exports/users.xlsx"
            query={{ role: 'inspector', active: true, unitId: undefined, q: '  ', nested: { x: 1 }, sort: 'name' }}
            testId="users-export"
          />
        </App>,
        fakeAuth(fakeMe(['admin'])),
        'en',
      ),
    );
    return { calls, click };
  }

  it('sends the plain values of the query (no blanks, no objects), in the UI language, and saves the file', async () => {
    const { calls, click } = show();
    fireEvent.click(screen.getByTestId('users-export'));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(calls[0]?.url).toBe('/api/exports/users.xlsx?role=inspector&active=true&sort=name');
    expect(calls[0]?.headers['accept-language']).toBe('en');
  });

  it('says why when the server refuses, instead of saving an error page', async () => {
    const { click } = show(403);
    fireEvent.click(screen.getByTestId('users-export'));
    expect(await screen.findByText(/Export failed/)).toBeTruthy();
    expect(click).not.toHaveBeenCalled();
  });
});
