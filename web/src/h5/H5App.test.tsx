// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { t } from '../../../common/i18n/core.ts';
import { fakeCase } from '../features/cases/testing-fixtures.ts';
import { createCaseTransport } from './api/case-transport.ts';
import { fakeServer, renderH5 } from './h5-testing.tsx';
import { createLocalDraftStore } from './offline/draft-store.ts';
import { OfflineQueue } from './offline/offline-queue.ts';

function server(createStatus = 201) {
  const creates: string[] = [];
  const fake = fakeServer({
    'POST /api/photos': () => ({
      status: 201,
      body: { id: 'p-1', url: '/p', thumbUrl: '/t', width: 1, height: 1, phase: 'before', createdAt: '' },
    }),
    'POST /api/cases': (call) => {
      creates.push(call.headers['idempotency-key'] ?? '');
      return createStatus === 201
        ? { status: 201, body: { id: 'c-1', caseNo: '420281-20240312-00017', status: 'pending_filing' } }
        : {
            status: createStatus,
            body: { error: { code: 'CATALOG_UNKNOWN_MATTER', message: '事项 09999 不存在', requestId: 'r' } },
          };
    },
  });
  return { fetch: fake.fetch, creates };
}

async function saveDraft(description: string) {
  const queue = new OfflineQueue({
    store: createLocalDraftStore(window.localStorage),
    transport: createCaseTransport({ csrfToken: () => null, locale: () => 'zh-CN', fetch: server().fetch }),
    owner: { userId: 'u-1', tenantId: 't-1' },
  });
  return queue.add({
    body: { matterCode: '09006', description, lng: 114.97, lat: 30.1, crs: 'wgs84' },
    matterName: '占道经营',
    photos: ['data:image/jpeg;base64,/9j/4AAQ'],
  });
}

const page = (items: unknown[]) => ({ status: 200, body: { items, total: items.length, page: 1, pageSize: 50 } });

beforeEach(() => window.localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('inspector H5 drafts', () => {
  it('sends waiting drafts on start with their own key and shows the case number', async () => {
    const draft = await saveDraft('路口占道经营');
    const api = server();
    renderH5('/h5/drafts', api.fetch);
    const card = await screen.findByTestId('h5-draft-1');
    await waitFor(() => expect(card.getAttribute('data-status')).toBe('sent'));
    expect(screen.getByTestId('h5-draft-1-case-no').textContent).toContain('420281-20240312-00017');
    expect(api.creates).toEqual([draft.idempotencyKey]);
    expect((await screen.findByTestId('h5-toast-success')).textContent).toContain('420281-20240312-00017');
  });

  it('waits while offline and sends when the online event fires', async () => {
    let online = false;
    Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => online });
    try {
      await saveDraft('路口占道经营');
      const api = server();
      renderH5('/h5/drafts', api.fetch);
      const card = await screen.findByTestId('h5-draft-1');
      expect(await screen.findByTestId('h5-offline-banner')).toBeTruthy();
      expect(screen.getByTestId('h5-tab-drafts').textContent).toContain('1');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(api.creates).toEqual([]);
      expect(card.getAttribute('data-status')).toBe('pending');

      online = true;
      window.dispatchEvent(new Event('online'));
      await waitFor(() => expect(screen.getByTestId('h5-draft-1').getAttribute('data-status')).toBe('sent'));
      expect(api.creates).toHaveLength(1);
    } finally {
      Reflect.deleteProperty(window.navigator, 'onLine');
    }
  });

  it('keeps a draft the server refuses, with the error shown, and deletes it only after confirming', async () => {
    await saveDraft('路口占道经营');
    const api = server(400);
    renderH5('/h5/drafts', api.fetch);
    const card = await screen.findByTestId('h5-draft-1');
    await waitFor(() => expect(card.getAttribute('data-status')).toBe('failed'));
    expect(screen.getByTestId('h5-draft-1-error').textContent).toContain(t('zh-CN', 'errors.CATALOG_UNKNOWN_MATTER'));

    fireEvent.click(screen.getByTestId('h5-draft-1-delete'));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByText('取消'));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByTestId('h5-draft-1')).toBeTruthy();

    fireEvent.click(screen.getByTestId('h5-draft-1-delete'));
    fireEvent.click(await screen.findByTestId('h5-draft-1-confirm'));
    await waitFor(() => expect(screen.queryByTestId('h5-draft-1')).toBeNull());
    expect(screen.getByTestId('h5-drafts').getAttribute('data-count')).toBe('0');
  });

  it('has a tab bar in English too', async () => {
    renderH5('/h5/me', server().fetch, { locale: 'en' });
    expect((await screen.findByTestId('h5-tab-drafts')).textContent).toContain('Drafts');
    expect(screen.getByTestId('h5-tab-report').textContent).toContain('Report');
    expect(screen.getByTestId('h5-me').textContent).toContain('Sign out');
  });
});

describe('inspector H5 tasks', () => {
  const verifying = [
    fakeCase({ id: 'v1', status: 'verifying', matterName: '暴露垃圾', overdue: true }),
    fakeCase({ id: 'v2', status: 'verifying' }),
  ];
  const checking = [fakeCase({ id: 'k1', status: 'checking', matterName: '道路破损' })];
  const tasks = () =>
    fakeServer({
      'GET /api/cases': (call) => page(call.url.includes('inbox=checking') ? checking : verifying),
    });

  it('counts both inboxes on their tabs and switches between them', async () => {
    const { router } = renderH5('/h5/tasks', tasks().fetch);
    const verifyTab = await screen.findByTestId('h5-tasks-tab-verifying');
    await waitFor(() => expect(verifyTab.textContent).toBe('核实2'));
    expect(screen.getByTestId('h5-tasks-tab-checking').textContent).toBe('核查1');
    expect(verifyTab.getAttribute('aria-selected')).toBe('true');
    expect(within(screen.getByTestId('h5-tasks-list-verifying')).getAllByRole('button')).toHaveLength(2);
    expect(screen.getByTestId('h5-task-item-v1').textContent).toContain('已超时');

    fireEvent.click(screen.getByTestId('h5-tasks-tab-checking'));
    expect(router.state.location.search).toBe('?tab=checking');
    expect(await screen.findByTestId('h5-task-item-k1')).toBeTruthy();
    expect(screen.getByTestId('h5-tasks-tab-checking').getAttribute('aria-selected')).toBe('true');
  });

  it('shows how many tasks are mine on the tab bar, counted by the server', async () => {
    const fake = fakeServer({
      'GET /api/cases/counts': () => ({ status: 200, body: { verifying: 2, checking: 1 } }),
    });
    renderH5('/h5/me', fake.fetch);
    const tab = await screen.findByTestId('h5-tab-tasks');
    await waitFor(() => expect(tab.querySelector('[data-count]')?.getAttribute('data-count')).toBe('3'));
    expect(tab.querySelector('[data-count]')?.getAttribute('aria-label')).toBe('3 项待办任务');
  });

  it('verifies a task after the confirmation, with the note and the case version', async () => {
    const transitions: unknown[] = [];
    const api = fakeServer({
      'GET /api/cases/v1': () => ({
        status: 200,
        body: verifying[0] && { ...verifying[0], version: 7, allowedActions: ['verify', 'void'] },
      }),
      'POST /api/cases/v1/transitions': (call) => {
        transitions.push(call.body);
        return { status: 200, body: { ...verifying[0], status: 'pending_filing' } };
      },
      'GET /api/cases': () => page([]),
    });
    const { router } = renderH5('/h5/tasks/v1', api.fetch);
    expect((await screen.findByTestId('h5-task')).getAttribute('data-status')).toBe('verifying');
    expect(screen.getByTestId('h5-task-navigate').getAttribute('href')).toMatch(/^geo:30\.090000,114\.970000\?q=/);
    expect(screen.queryByTestId('h5-task-action-check_fail')).toBeNull();
    fireEvent.change(screen.getByTestId('h5-task-note'), { target: { value: '现场属实' } });
    fireEvent.click(screen.getByTestId('h5-task-action-verify'));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toContain('现场属实');
    expect(transitions).toEqual([]);

    fireEvent.click(within(dialog).getByTestId('h5-task-confirm'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/h5/tasks'));
    expect(transitions).toEqual([{ action: 'verify', version: 7, note: '现场属实' }]);
    expect((await screen.findByTestId('h5-toast-success')).textContent).toContain('核实属实');
  });

  it('asks for the reason before a failed check, and never sends one without it', async () => {
    const api = fakeServer({
      'GET /api/cases/k1': () => ({
        status: 200,
        body: { ...checking[0], allowedActions: ['check_pass', 'check_fail'] },
      }),
    });
    renderH5('/h5/tasks/k1', api.fetch);
    fireEvent.click(await screen.findByTestId('h5-task-action-check_fail'));
    expect(screen.getByTestId('h5-task-note-error').textContent).toBe('核查不通过时请填写原因');
    expect(screen.getByTestId('h5-task-note').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByTestId('h5-task-photos-after')).toBeTruthy();
  });

  it("shows the handler's report back, and passes a check only with photos when the class needs them", async () => {
    const transitions: unknown[] = [];
    const reportBack = {
      seq: 5,
      at: '2024-03-12T03:00:00.000Z',
      actorName: '周师傅',
      actorRole: 'unitHandler',
      action: 'report_back',
      fromStatus: 'handling',
      toStatus: 'reported_back',
      note: '已修补坑槽并清扫',
      data: null,
    };
    const api = fakeServer({
      'GET /api/cases/k1': () => ({
        status: 200,
        body: {
          ...checking[0],
          allowedActions: ['check_pass', 'check_fail'],
          timeline: [reportBack],
          photosRequiredFor: ['report_back', 'check_pass'],
        },
      }),
      'POST /api/cases/k1/transitions': (call) => {
        transitions.push(call.body);
        return { status: 200, body: checking[0] };
      },
    });
    renderH5('/h5/tasks/k1', api.fetch);
    expect((await screen.findByTestId('h5-task-report-back-note')).textContent).toBe('已修补坑槽并清扫');
    expect(screen.getByTestId('h5-task-report-back').textContent).toContain('周师傅');
    fireEvent.click(screen.getByTestId('h5-task-action-check_pass'));
    expect(screen.getByTestId('h5-task-photo-error').textContent).toBe('核查通过须上传核查照片');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(transitions).toEqual([]);
  });
});

describe('inspector H5 report form', () => {
  it('names every missing field when sent empty', async () => {
    renderH5('/h5', server().fetch);
    fireEvent.click(await screen.findByTestId('h5-report-submit'));
    expect((await screen.findByTestId('h5-report-photos-error')).textContent).toBe('请至少拍摄 1 张现场照片');
    expect(screen.getByTestId('h5-report-matter-error')).toBeTruthy();
    expect(screen.getByTestId('h5-report-description-error')).toBeTruthy();
    expect(screen.getByTestId('h5-report-description').getAttribute('aria-invalid')).toBe('true');
  });

  it('has a 自行处置 switch named by its words, which a tap on the words also turns', async () => {
    renderH5('/h5', server().fetch);
    const toggle = await screen.findByRole('switch', { name: '现场已处置（自行处置）' });
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    fireEvent.click(screen.getByText('现场已处置（自行处置）'));
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-checked')).toBe('false');
  });

  it('picks a matter in a sheet searched by pinyin initials, and Escape closes the sheet', async () => {
    const api = fakeServer({
      'GET /api/catalog/entries': (call) =>
        page(
          call.url.includes('q=zdjy')
            ? [{ code: '09006', name: '占道经营', pinyinInitials: 'zdjy', pinyin: 'zhandaojingying' }]
            : [],
        ),
    });
    renderH5('/h5', api.fetch);
    fireEvent.click(await screen.findByTestId('h5-report-matter'));
    const sheet = await screen.findByRole('dialog');
    expect(sheet.getAttribute('aria-modal')).toBe('true');
    const search = within(sheet).getByTestId('h5-report-matter-search');
    await waitFor(() => expect(document.activeElement).toBe(search));
    fireEvent.change(search, { target: { value: 'zdjy' } });
    fireEvent.click(await within(sheet).findByTestId('h5-report-matter-option-09006'));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByTestId('h5-report-matter').getAttribute('data-value')).toBe('09006');

    // A tap focuses the button in a browser; the dialog gives the focus back to it when closed.
    screen.getByTestId('h5-report-matter').focus();
    fireEvent.click(screen.getByTestId('h5-report-matter'));
    fireEvent.keyDown(await screen.findByRole('dialog'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('h5-report-matter')));
  });
});
