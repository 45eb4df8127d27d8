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

interface Seen { url: string; method: string; type: string | undefined; body: unknown }

/** A fetch that answers the import route once with `status`/`payload` (fakeFetch reads JSON bodies only). */
function stubImport(status: number, payload: unknown) {
  const seen: Seen[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push({ url: String(input), method: init?.method ?? 'GET', type: (init?.headers as Record<string, string>)['content-type'], body: init?.body });
    return new Response(JSON.stringify(payload), { status, headers: { 'content-type': 'application/json' } });
  });
  return seen;
}

function open(locale: 'zh-CN' | 'en' = 'zh-CN') {
  api.setCsrfToken('csrf-test');
  const onImported = vi.fn();
  render(withProviders(<ImportStandardsModal open onClose={() => undefined} onImported={onImported} />, fakeAuth(fakeMe(['admin'])), locale));
  return { onImported };
}

async function pick(name = '立结案标准.xlsx') {
  const input = (await screen.findByTestId('standards-import-file')).querySelector('input[type=file]');
  if (!input) throw new Error('no file input');
  const file = new File([new Uint8Array([80, 75, 3, 4])], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  fireEvent.change(input, { target: { files: [file] } });
  await screen.findByText(name);
  return file;
}

describe('import of the filing standards workbook', () => {
  it('lists every problem of a rejected file by row and column, and imports nothing', async () => {
    const seen = stubImport(400, {
      error: {
        code: 'CATALOG_IMPORT_INVALID', message: '导入文件有错误', requestId: 'r1',
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

    expect(await screen.findByText('发现 2 个问题，未导入任何数据')).toBeTruthy();
    const table = screen.getByTestId('standards-import-errors');
    expect(table.textContent).toContain('处置时限');
    expect(table.textContent).toContain('无法识别处置时限「三天」');
    for (const header of ['行', '列', '问题']) expect(table.textContent).toContain(header);
    expect(onImported).not.toHaveBeenCalled();
    expect(seen).toEqual([{ url: '/api/catalog/conditions/import?mode=replace', method: 'POST', type: 'application/octet-stream', body: file }]);
  });

  it('reports the counts of a successful import', async () => {
    stubImport(200, { mode: 'append', imported: 12, replacedMatters: 0, removed: 0 });
    const { onImported } = open('en');
    await pick();
    fireEvent.click(screen.getByTestId('standards-import-submit'));
    await waitFor(() => expect(onImported).toHaveBeenCalledWith({ mode: 'append', imported: 12, replacedMatters: 0, removed: 0 }));
    expect(await screen.findByText('Imported 12 rows')).toBeTruthy();
  });
});
