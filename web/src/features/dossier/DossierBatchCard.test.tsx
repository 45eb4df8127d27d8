// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import type { DossierBatch } from '../../../../common/contracts/dossier.ts';
import { fakeAuth, fakeMe, withProviders } from '../../testing.tsx';
import { DossierBatchCard } from './DossierBatchCard.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const running: DossierBatch = {
  id: 'b-1',
  month: '2024-02',
  unitId: null,
  status: 'running',
  progress: { casesDone: 40, casesTotal: 120 },
  download: null,
  error: null,
  createdAt: '2024-03-12T02:00:00.000Z',
  startedAt: '2024-03-12T02:00:01.000Z',
  finishedAt: null,
  expiresAt: null,
};
const done: DossierBatch = {
  ...running,
  status: 'succeeded',
  progress: { casesDone: 120, casesTotal: 120 },
  download: '/api/dossiers/batches/b-1/file',
  finishedAt: '2024-03-12T02:05:00.000Z',
  expiresAt: '2024-03-13T02:05:00.000Z',
};

function server(latest: DossierBatch | null, next: DossierBatch) {
  const seen: string[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
    const url = String(input);
    seen.push(url);
    const body = url.endsWith('/latest') ? { batch: latest } : next;
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  return seen;
}

const card = () =>
  withProviders(
    <App>
      <DossierBatchCard />
    </App>,
    fakeAuth(fakeMe(['shiftLeader'])),
  );

describe('the 案卷 batch card after a reload', () => {
  it('shows the running batch from the server, keeps the start button off, and follows it to its download', async () => {
    const seen = server(running, done);
    render(card());
    expect((await screen.findByTestId('dossier-batch-progress')).textContent).toContain('40');
    expect((screen.getByTestId('dossier-batch-start') as HTMLButtonElement).disabled).toBe(true);
    await waitFor(() => expect(screen.getByTestId('dossier-batch-download')).toBeTruthy(), { timeout: 4000 });
    expect(seen).toEqual(['/api/dossiers/batches/latest', '/api/dossiers/batches/b-1']);
  });

  it('starts empty when the requester has no batch', async () => {
    const seen = server(null, done);
    render(card());
    await waitFor(() => expect(seen).toEqual(['/api/dossiers/batches/latest']));
    expect(screen.queryByTestId('dossier-batch-progress')).toBeNull();
    expect((screen.getByTestId('dossier-batch-start') as HTMLButtonElement).disabled).toBe(false);
  });
});
