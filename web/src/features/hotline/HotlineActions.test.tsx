// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { HotlineOrderDetail } from '../../../../common/contracts/hotline.ts';
import { api } from '../../api/client.ts';
import { fakeAuth, fakeMe, withProviders } from '../../testing.tsx';
import { HotlineActions } from './HotlineActions.tsx';
import { HotlineImportModal } from './HotlineImportModal.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ORDER: HotlineOrderDetail = {
  id: 'o-1',
  source: '12345',
  externalNo: 'GD-1',
  status: 'signed',
  urgency: 'normal',
  requesterName: null,
  requesterPhone: null,
  content: '小区停电',
  address: null,
  receivedAt: '2024-03-12T02:00:00.000Z',
  receivedVia: 'webhook',
  signDeadline: '2024-03-12T04:00:00.000Z',
  signedAt: '2024-03-12T02:10:00.000Z',
  signOverdue: false,
  dueAt: '2024-03-19T02:00:00.000Z',
  overdue: false,
  caseId: null,
  caseNo: null,
  satisfaction: null,
  updatedAt: '2024-03-12T02:10:00.000Z',
  version: 2,
  signedBy: '张受理员',
  returnReason: null,
  returnedAt: null,
  convertedAt: null,
  caseStatus: null,
  caseClosed: false,
  replyText: null,
  repliedAt: null,
  pushStatus: null,
  callerReplyStatus: null,
  callerRepliedAt: null,
  revisitNote: null,
  revisitAt: null,
  allowedActions: ['return', 'convert'],
  events: [],
};

function stub(status: number, payload: unknown) {
  const seen: { url: string; method: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push({
      url: String(input),
      method: init?.method ?? 'GET',
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body,
    });
    return new Response(JSON.stringify(payload), { status, headers: { 'content-type': 'application/json' } });
  });
  return seen;
}

describe('work order actions', () => {
  it('offers only the server’s actions and returns the order with the reason and its version', async () => {
    const seen = stub(200, { ...ORDER, status: 'returned', version: 3, allowedActions: [] });
    const onChanged = vi.fn();
    api.setCsrfToken('csrf-test');
    render(withProviders(<HotlineActions order={ORDER} onChanged={onChanged} />, fakeAuth(fakeMe(['operator']))));
    expect(screen.queryByTestId('hotline-action-sign')).toBeNull();
    expect(screen.queryByTestId('hotline-action-reply')).toBeNull();
    fireEvent.click(screen.getByTestId('hotline-action-return'));
    const submit = screen.getByTestId('hotline-return-submit');
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId('hotline-return-reason'), { target: { value: '供电问题，不属于城管职责' } });
    fireEvent.click(submit);
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(seen).toEqual([
      {
        url: '/api/hotline/orders/o-1/return',
        method: 'POST',
        body: { reason: '供电问题，不属于城管职责', version: 2 },
      },
    ]);
  });

  it('shows the hotline’s own text for its error codes, in the UI language', async () => {
    stub(409, { error: { code: 'HOTLINE_STALE', message: 'HOTLINE_STALE', requestId: 'r1', details: { version: 3 } } });
    render(
      withProviders(
        <HotlineActions
          order={{ ...ORDER, status: 'pending_sign', allowedActions: ['sign', 'return'] }}
          onChanged={() => undefined}
        />,
        fakeAuth(fakeMe(['operator'])),
        'en',
      ),
    );
    fireEvent.click(screen.getByTestId('hotline-action-sign'));
    expect((await screen.findByTestId('hotline-action-error')).textContent).toContain('Someone else updated the order');
  });
});

/** The import answers 202 with a job; looking at it finds it failed with the rows' problems. */
function stubFailedImport(error: unknown) {
  const seen: { url: string; method: string }[] = [];
  const job = {
    id: 'job-h',
    kind: 'hotline.orders',
    params: { source: '12345' },
    fileBytes: 20,
    result: null,
    createdBy: 'u-op',
    createdAt: '2024-03-12T02:00:00.000Z',
    startedAt: null,
    finishedAt: null,
  };
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    seen.push({ url: String(input), method });
    const payload =
      method === 'POST'
        ? { ...job, status: 'queued', progress: { rowsDone: 0, rowsTotal: null }, error: null }
        : {
            ...job,
            status: 'failed',
            progress: { rowsDone: 2, rowsTotal: 2 },
            error,
            finishedAt: '2024-03-12T02:00:01.000Z',
          };
    return new Response(JSON.stringify(payload), {
      status: method === 'POST' ? 202 : 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  return seen;
}

describe('import dialog', () => {
  it('lists every bad row of a rejected file and imports nothing', async () => {
    const seen = stubFailedImport({
      code: 'HOTLINE_IMPORT_INVALID',
      status: 400,
      message: 'HOTLINE_IMPORT_INVALID',
      details: [
        { row: 3, field: '联系电话', message: '联系电话「abc」只能含数字和 + - ( )' },
        { row: 4, field: '诉求内容', message: '诉求内容不能为空' },
      ],
    });
    const onImported = vi.fn();
    render(
      withProviders(
        <HotlineImportModal open onClose={() => undefined} onImported={onImported} />,
        fakeAuth(fakeMe(['operator'])),
      ),
    );
    const input = (await screen.findByTestId('hotline-import-file')).querySelector('input[type=file]');
    if (!input) throw new Error('no file input');
    fireEvent.change(input, {
      target: { files: [new File(['工单编号,诉求内容\n'], 'orders.csv', { type: 'text/csv' })] },
    });
    await screen.findByText('orders.csv');
    fireEvent.click(screen.getByTestId('hotline-import-submit'));
    expect(await screen.findByText('2 处问题，未导入任何工单', undefined, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByTestId('hotline-import-errors').textContent).toContain('联系电话「abc」');
    expect(onImported).not.toHaveBeenCalled();
    expect(seen[0]?.url).toBe('/api/hotline/orders/import?source=12345');
    expect(seen[1]).toEqual({ url: '/api/imports/job-h', method: 'GET' });
  });
});
