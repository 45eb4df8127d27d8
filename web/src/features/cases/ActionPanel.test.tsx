// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { api } from '../../api/client.ts';
import { fakeAuth, fakeFetch, fakeMe, withProviders } from '../../testing.tsx';
import { ActionPanel } from './ActionPanel.tsx';
import type { CaseDetail } from './cases.api.ts';
import { fakeCase } from './testing-fixtures.ts';
import { visibleActions } from './visible-actions.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const CONDITION = {
  id: 'fc1',
  matterCode: '06001',
  matterName: '暴露垃圾',
  seq: 1,
  condition: '公共场所未倒入垃圾容器的生活垃圾',
  handlingLimit: { value: 4, unit: 'work_hours' },
  closingCondition: '清理',
  unitId: 'u1',
  unitName: '环卫所',
  active: true,
  updatedAt: '2024-01-01T00:00:00Z',
};

function open(detail: CaseDetail, routes: Parameters<typeof fakeFetch>[0] = {}) {
  const server = fakeFetch({
    'GET /api/cases/c1/duplicates': () => ({ status: 200, body: [] }),
    'GET /api/catalog/conditions': () => ({
      status: 200,
      body: { items: [CONDITION], total: 1, page: 1, pageSize: 100 },
    }),
    ...routes,
  });
  vi.stubGlobal('fetch', server.impl);
  api.setCsrfToken('csrf-test');
  const onChanged = vi.fn();
  const onStale = vi.fn();
  render(
    withProviders(
      <ActionPanel detail={detail} onChanged={onChanged} onStale={onStale} />,
      fakeAuth(fakeMe(['shiftLeader'])),
    ),
  );
  return { server, onChanged, onStale };
}

const actionButtons = () =>
  screen.queryAllByTestId(/^case-action-/).map((el) => el.getAttribute('data-testid')?.replace('case-action-', ''));

describe('visible actions', () => {
  const approvals = [
    'report_back',
    'request_return',
    'request_extension',
    'approve_return',
    'approve_extension',
    'approve_suspension',
  ];

  it('offers 审批 only for the pending request, and no second request of that kind', () => {
    expect(visibleActions({ allowedActions: approvals, pendingRequest: 'extension' }, [])).toEqual([
      'report_back',
      'request_return',
      'approve_extension',
    ]);
    expect(visibleActions({ allowedActions: approvals, pendingRequest: null }, [])).toEqual([
      'report_back',
      'request_return',
      'request_extension',
    ]);
  });

  it('leaves 自行处置 to inspectors and drops names it does not know', () => {
    expect(
      visibleActions({ allowedActions: ['accept', 'self_handle', 'teleport'], pendingRequest: null }, ['case.accept']),
    ).toEqual(['accept']);
    expect(visibleActions({ allowedActions: ['self_handle'], pendingRequest: null }, ['case.verify'])).toEqual([
      'self_handle',
    ]);
  });
});

describe('action panel', () => {
  it('shows only the actions the server allows this user', () => {
    open(fakeCase({ allowedActions: ['file', 'void'] }));
    expect(actionButtons()).toEqual(['file', 'void']);
    expect(screen.queryByTestId('case-action-dispatch')).toBeNull();
    expect(screen.queryByTestId('case-action-close')).toBeNull();
  });

  it('says so when there is nothing to do, and ignores action names it does not know', () => {
    open(fakeCase({ status: 'handling', allowedActions: ['teleport'] }));
    expect(actionButtons()).toEqual([]);
    expect(screen.getByTestId('case-no-actions').textContent).toContain('当前没有您可以办理的操作');
  });

  it('files with the chosen condition (showing its limit) and the version the user saw', async () => {
    const { server, onChanged } = open(fakeCase({ allowedActions: ['file', 'void'] }), {
      'POST /api/cases/c1/transitions': () => ({
        status: 200,
        body: fakeCase({ status: 'pending_dispatch', version: 4 }),
      }),
    });
    fireEvent.click(screen.getByTestId('case-action-file'));
    const select = await screen.findByTestId('action-form-filing-condition');
    fireEvent.mouseDown(within(select).getByRole('combobox'));
    fireEvent.click(await screen.findByTitle(CONDITION.condition));
    expect((await screen.findByTestId('action-form-limit')).textContent).toContain('处置时限：4工作时');
    fireEvent.click(screen.getByTestId('action-submit'));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    const post = server.calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({ action: 'file', version: 3, filingConditionId: 'fc1' });
    expect(post?.headers['x-csrf-token']).toBe('csrf-test');
  });

  it('re-classifies with another matter, one of its filing conditions and a reason', async () => {
    const { server, onChanged } = open(
      fakeCase({ status: 'pending_dispatch', allowedActions: ['dispatch', 'reclassify', 'void'] }),
      {
        'GET /api/catalog/entries': () => ({
          status: 200,
          body: {
            items: [
              { code: '06001', name: '暴露垃圾' },
              { code: '09006', name: '占道经营' },
            ],
            total: 2,
            page: 1,
            pageSize: 50,
          },
        }),
        'POST /api/cases/c1/transitions': () => ({
          status: 200,
          body: fakeCase({ status: 'pending_dispatch', version: 4, matterCode: '09006' }),
        }),
      },
    );
    fireEvent.click(screen.getByTestId('case-action-reclassify'));
    expect(screen.queryByTestId('action-form-filing-condition')).toBeNull();
    const matter = await screen.findByTestId('action-form-matter');
    fireEvent.mouseDown(within(matter).getByRole('combobox'));
    fireEvent.click(await screen.findByTitle('09006 占道经营'));
    const select = await screen.findByTestId('action-form-filing-condition');
    fireEvent.mouseDown(within(select).getByRole('combobox'));
    fireEvent.click(await screen.findByTitle(CONDITION.condition));
    fireEvent.click(screen.getByTestId('action-submit'));
    expect(await screen.findByText('此项为必填项')).toBeTruthy();
    fireEvent.change(screen.getByTestId('action-form-note'), { target: { value: '实为占道经营' } });
    fireEvent.click(screen.getByTestId('action-submit'));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    const post = server.calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({
      action: 'reclassify',
      version: 3,
      note: '实为占道经营',
      matterCode: '09006',
      filingConditionId: 'fc1',
    });
  });

  it('asks for a reason where one is required, before calling the server', async () => {
    const { server } = open(fakeCase({ status: 'checking', allowedActions: ['check_pass', 'check_fail'] }));
    fireEvent.click(screen.getByTestId('case-action-check_fail'));
    fireEvent.click(await screen.findByTestId('action-submit'));
    expect(await screen.findByText('此项为必填项')).toBeTruthy();
    expect(server.calls.filter((c) => c.method === 'POST')).toEqual([]);
  });

  it('reloads the case when someone else changed it (409 CASE_STALE)', async () => {
    const { onStale, onChanged } = open(fakeCase({ status: 'pending_close', allowedActions: ['close'] }), {
      'POST /api/cases/c1/transitions': () => ({
        status: 409,
        body: { error: { code: 'CASE_STALE', message: 'stale', requestId: 'r', details: { version: 3 } } },
      }),
    });
    fireEvent.click(screen.getByTestId('case-action-close'));
    fireEvent.click(await screen.findByTestId('action-submit'));
    await waitFor(() => expect(onStale).toHaveBeenCalled());
    expect(onChanged).not.toHaveBeenCalled();
    expect((await screen.findByTestId('action-stale')).textContent).toContain('该案件刚被他人更新');
  });

  it('pre-fills the dispatch unit with the suggestion and marks it 建议', async () => {
    open(fakeCase({ status: 'pending_dispatch', allowedActions: ['dispatch'], suggestedUnitId: 'u1' }), {
      'GET /api/org/units/u1': () => ({ status: 200, body: { id: 'u1', code: 'SANITATION', name: '环卫所' } }),
    });
    fireEvent.click(screen.getByTestId('case-action-dispatch'));
    expect((await screen.findByTestId('action-form-suggested')).textContent).toBe('建议');
    await waitFor(() => expect(screen.getByTestId('action-form-unit').textContent).toContain('环卫所'));
    // the picker shows the unit's name, not its internal code
    expect(screen.getByTestId('action-form-unit').textContent).not.toContain('SANITATION');
  });

  it('opens a form only when asked: a lone 作废 stays closed, and 督办 closes after it is sent', async () => {
    const escalated = fakeCase({ status: 'handling', allowedActions: ['escalate'], version: 4 });
    const { onChanged } = open(fakeCase({ status: 'handling', allowedActions: ['escalate'] }), {
      'POST /api/cases/c1/transitions': () => ({ status: 200, body: escalated }),
    });
    expect(screen.queryByTestId('action-form-escalate')).toBeNull();
    fireEvent.click(screen.getByTestId('case-action-escalate'));
    fireEvent.change(await screen.findByTestId('action-form-note'), { target: { value: '请加快处置' } });
    fireEvent.click(screen.getByTestId('action-submit'));
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith(escalated));
    expect(screen.queryByTestId('action-form-escalate')).toBeNull();
  });

  it('a lone red 作废 after 受理 does not open by itself, and cancel closes a form', async () => {
    open(fakeCase({ status: 'pending_filing', allowedActions: ['void'] }));
    expect(screen.queryByTestId('action-form-void')).toBeNull();
    fireEvent.click(screen.getByTestId('case-action-void'));
    expect(await screen.findByTestId('action-form-void')).toBeTruthy();
    fireEvent.click(screen.getByTestId('action-cancel'));
    await waitFor(() => expect(screen.queryByTestId('action-form-void')).toBeNull());
  });

  it('re-dispatches to another unit with a reason, warning about a unit with no active handler', async () => {
    const unit = (id: string, code: string, name: string, activeHandlers: number) => ({
      id,
      code,
      name,
      activeHandlers,
    });
    const parks = unit('u2', 'PARKS', '园林所', 0);
    const { server, onChanged } = open(
      fakeCase({ status: 'handling', unitId: 'u1', unitName: '环卫所', allowedActions: ['redispatch', 'recall'] }),
      {
        'GET /api/org/units': () => ({
          status: 200,
          body: { items: [unit('u1', 'SANITATION', '环卫所', 2), parks], total: 2, page: 1, pageSize: 20 },
        }),
        'GET /api/org/units/u2': () => ({ status: 200, body: parks }),
        'POST /api/cases/c1/transitions': () => ({
          status: 200,
          body: fakeCase({ status: 'handling', unitId: 'u2', version: 4 }),
        }),
      },
    );
    fireEvent.click(screen.getByTestId('case-action-redispatch'));
    expect(await screen.findByText(/当前单位：环卫所/)).toBeTruthy();
    const picker = await screen.findByTestId('action-form-unit');
    fireEvent.mouseDown(within(picker).getByRole('combobox'));
    // the list flags the unit nobody can handle; the staffed one is plain
    fireEvent.click(await screen.findByTitle(/园林所.*⚠ 无在岗处置人员/));
    expect(screen.queryByTitle(/环卫所.*⚠/)).toBeNull();
    expect((await screen.findByTestId('action-form-no-handlers')).textContent).toContain('园林所 没有在岗的处置人员');
    fireEvent.click(screen.getByTestId('action-submit'));
    expect(await screen.findByText('此项为必填项')).toBeTruthy();
    expect(server.calls.filter((c) => c.method === 'POST')).toEqual([]);
    fireEvent.change(screen.getByTestId('action-form-note'), { target: { value: '派错单位' } });
    fireEvent.click(screen.getByTestId('action-submit'));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(server.calls.find((c) => c.method === 'POST')?.body).toEqual({
      action: 'redispatch',
      version: 3,
      note: '派错单位',
      unitId: 'u2',
    });
  });

  it('closes a public case only with 答复市民, previewed masked as the citizen will see it, apart from the note', async () => {
    const { server, onChanged } = open(
      fakeCase({ status: 'pending_close', channel: 'public', publicCase: true, allowedActions: ['close'] }),
      { 'POST /api/cases/c1/transitions': () => ({ status: 200, body: fakeCase({ status: 'closed', version: 4 }) }) },
    );
    fireEvent.click(screen.getByTestId('case-action-close'));
    expect((await screen.findByTestId('action-form-public-preview')).textContent).toBe('市民将看到：（尚未填写）');
    fireEvent.change(screen.getByTestId('action-form-note'), { target: { value: '内部：费用走维修基金' } });
    fireEvent.click(screen.getByTestId('action-submit'));
    expect(await screen.findByText('此项为必填项')).toBeTruthy();
    expect(server.calls.filter((c) => c.method === 'POST')).toEqual([]);
    fireEvent.change(screen.getByTestId('action-form-public-reply'), {
      target: { value: '垃圾已清运，联系电话13912345678' },
    });
    await waitFor(() =>
      expect(screen.getByTestId('action-form-public-preview').textContent).toBe(
        '市民将看到：垃圾已清运，联系电话***********',
      ),
    );
    expect(screen.getByTestId('action-form-public-preview').textContent).not.toContain('维修基金');
    fireEvent.click(screen.getByTestId('action-submit'));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(server.calls.find((c) => c.method === 'POST')?.body).toEqual({
      action: 'close',
      version: 3,
      note: '内部：费用走维修基金',
      closeType: 'normal',
      publicReply: '垃圾已清运，联系电话13912345678',
    });
  });
});
