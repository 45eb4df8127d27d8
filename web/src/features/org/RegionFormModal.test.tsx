// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { api } from '../../api/client.ts';
import { fakeAuth, fakeFetch, fakeMe, withProviders } from '../../testing.tsx';
import { RegionFormModal } from './RegionFormModal.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function open(routes: Parameters<typeof fakeFetch>[0], locale: 'zh-CN' | 'en' = 'zh-CN') {
  const server = fakeFetch(routes);
  vi.stubGlobal('fetch', server.impl);
  api.setCsrfToken('csrf-test');
  const onSaved = vi.fn();
  render(
    withProviders(
      <RegionFormModal target="new" onClose={() => undefined} onSaved={onSaved} />,
      fakeAuth(fakeMe(['admin'])),
      locale,
    ),
  );
  return { server, onSaved };
}

describe('region form', () => {
  it('validates on the client with the catalog words before calling the server', async () => {
    const { server } = open({});
    fireEvent.change(await screen.findByTestId('region-form-code'), { target: { value: '12' } });
    fireEvent.click(screen.getByTestId('region-form-submit'));
    expect(await screen.findByText('请输入 3 位数字')).toBeTruthy();
    expect(await screen.findByText('此项为必填项')).toBeTruthy();
    expect(server.calls).toEqual([]);
  });

  it('puts the server validation errors on their fields', async () => {
    const { server, onSaved } = open({
      'POST /api/org/regions': () => ({
        status: 400,
        body: {
          error: {
            code: 'VALIDATION_FAILED',
            message: '提交的数据有误',
            requestId: 'r1',
            details: [{ field: 'body.name', message: '最多 6 个字符', rule: 'maxLength' }],
          },
        },
      }),
    });
    fireEvent.change(await screen.findByTestId('region-form-code'), { target: { value: '001' } });
    fireEvent.change(screen.getByTestId('region-form-name'), { target: { value: '东岳路街道' } });
    fireEvent.click(screen.getByTestId('region-form-submit'));
    expect(await screen.findByText('最多 6 个字符')).toBeTruthy();
    expect(server.calls[0]).toMatchObject({
      method: 'POST',
      url: '/api/org/regions',
      body: { kind: 'street', code: '001', name: '东岳路街道', parentId: null },
    });
    expect(server.calls[0]?.headers['x-csrf-token']).toBe('csrf-test');
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('reports a business error (duplicate code) in the UI language and saves on success', async () => {
    let attempt = 0;
    const { onSaved } = open(
      {
        'POST /api/org/regions': () =>
          ++attempt === 1
            ? { status: 409, body: { error: { code: 'ORG_DUPLICATE_CODE', message: '编码已存在', requestId: 'r2' } } }
            : {
                status: 201,
                body: {
                  id: 'g1',
                  code: '001',
                  fullCode: '420281001',
                  name: 'Dongyue',
                  kind: 'street',
                  parentId: null,
                  parentName: null,
                  synthetic: false,
                  updatedAt: '2024-01-01T00:00:00Z',
                },
              },
      },
      'en',
    );
    fireEvent.change(await screen.findByTestId('region-form-code'), { target: { value: '001' } });
    fireEvent.change(screen.getByTestId('region-form-name'), { target: { value: 'Dongyue' } });
    fireEvent.click(screen.getByTestId('region-form-submit'));
    expect(await screen.findByText('This code already exists')).toBeTruthy();
    fireEvent.click(screen.getByTestId('region-form-submit'));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
  });
});
