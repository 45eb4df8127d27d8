// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { api } from '../../api/client.ts';
import { fakeAuth, fakeMe, withProviders } from '../../testing.tsx';
import { ImportStandardsModal } from './ImportStandardsModal.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

interface Seen {
  url: string;
  method: string;
  type: string | undefined;
  body: unknown;
}

const JOB = {
  id: 'job-1',
  kind: 'catalog.conditions',
  params: { mode: 'append' },
  fileBytes: 4,
  result: null,
  error: null,
  createdBy: 'u-admin',
  createdAt: '2024-03-12T02:00:00.000Z',
  startedAt: null,
  finishedAt: null,
};

/**
 * A fetch for an import job: the upload answers 202 with a queued job, the first look at the job finds it running
 * half way (the dialog shows that), the next one finds it ended with `end` (the import's result or error).
 */
function stubImport(end: { result: unknown } | { error: unknown }) {
  const seen: Seen[] = [];
  const looks = [
    { ...JOB, status: 'running', progress: { rowsDone: 150, rowsTotal: 300 } },
    {
      ...JOB,
      progress: { rowsDone: 300, rowsTotal: 300 },
      finishedAt: '2024-03-12T02:00:05.000Z',
      ...('result' in end ? { status: 'succeeded', ...end } : { status: 'failed', ...end }),
    },
  ];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push({
      url: String(input),
      method: init?.method ?? 'GET',
      type: (init?.headers as Record<string, string> | undefined)?.['content-type'],
      body: init?.body,
    });
    const payload =
      (init?.method ?? 'GET') === 'POST'
        ? { ...JOB, status: 'queued', progress: { rowsDone: 0, rowsTotal: null } }
        : looks.shift();
    return new Response(JSON.stringify(payload), {
      status: init?.method === 'POST' ? 202 : 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  return seen;
}

function open(locale: 'zh-CN' | 'en' = 'zh-CN') {
  api.setCsrfToken('csrf-test');
  const onImported = vi.fn();
  render(
    withProviders(
      <ImportStandardsModal open onClose={() => undefined} onImported={onImported} />,
      fakeAuth(fakeMe(['admin'])),
      locale,
    ),
  );
  return { onImported };
}

async function pick(name = '立结案标准.xlsx') {
  const input = (await screen.findByTestId('standards-import-file')).querySelector('input[type=file]');
  if (!input) throw new Error('no file input');
  const file = new File([new Uint8Array([80, 75, 3, 4])], name, {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  fireEvent.change(input, { target: { files: [file] } });
  await screen.findByText(name);
  return file;
}

describe('import of the filing standards workbook', () => {
  it('lists every problem of a rejected file by row and column, and imports nothing', async () => {
    const seen = stubImport({
      error: {
        code: 'CATALOG_IMPORT_INVALID',
        status: 400,
        message: '导入文件有错误',
        details: [
          { row: 3, field: '小类', message: '小类「不存在」不在目录中' },
          { row: 4, field: '处置时限', message: '无法识别处置时限「三天」' },
        ],
      },
    });
    const { onImported } = open();
    const file = await pick();
    fireEvent.click(screen.getByText('替换文件中各事项的全部条件'));
    fireEvent.click(screen.getByTestId('standards-import-submit'));

    // The server works on it as a job: its progress shows until it ends.
    expect(await screen.findByText('正在处理：已读取 150 / 300 行', undefined, { timeout: 5000 })).toBeTruthy();
    expect(await screen.findByText('发现 2 个问题，未导入任何数据', undefined, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByTestId('standards-import-progress')).toBeNull();
    const table = screen.getByTestId('standards-import-errors');
    expect(table.textContent).toContain('处置时限');
    expect(table.textContent).toContain('无法识别处置时限「三天」');
    for (const header of ['行', '列', '问题']) expect(table.textContent).toContain(header);
    expect(onImported).not.toHaveBeenCalled();
    expect(seen[0]).toEqual({
      url: '/api/catalog/conditions/import?mode=replace',
      method: 'POST',
      type: 'application/octet-stream',
      body: file,
    });
    expect(seen.slice(1).map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/imports/job-1',
      'GET /api/imports/job-1',
    ]);
  });

  it('reports the counts of a successful import', async () => {
    stubImport({ result: { mode: 'append', imported: 12, replacedMatters: 0, removed: 0 } });
    const { onImported } = open('en');
    await pick();
    fireEvent.click(screen.getByTestId('standards-import-submit'));
    expect(await screen.findByText('Processing: 150 of 300 rows read', undefined, { timeout: 5000 })).toBeTruthy();
    await waitFor(
      () => expect(onImported).toHaveBeenCalledWith({ mode: 'append', imported: 12, replacedMatters: 0, removed: 0 }),
      { timeout: 5000 },
    );
    expect(await screen.findByText('Imported 12 rows')).toBeTruthy();
  });
});
