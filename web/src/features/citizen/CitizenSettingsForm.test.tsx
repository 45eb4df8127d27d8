// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { ApiError } from '../../api/errors.ts';
import { fakeAuth, fakeMe, withProviders } from '../../testing.tsx';
import { CitizenSettingsForm } from './CitizenSettingsForm.tsx';

afterEach(cleanup);

const input = () => {
  const el = screen.getByTestId('citizen-reopen-days');
  return (el.tagName === 'INPUT' ? el : el.querySelector('input')) as HTMLInputElement;
};

function show(onSave: (b: { reopenDays: number }) => Promise<{ reopenDays: number }>) {
  render(
    withProviders(
      <App>
        <CitizenSettingsForm initial={{ reopenDays: 7 }} onSave={onSave} />
      </App>,
      fakeAuth(fakeMe(['admin'])),
    ),
  );
}

describe('citizen settings form', () => {
  it('shows the current reopen window and saves a new one', async () => {
    const onSave = vi.fn(async (b: { reopenDays: number }) => b);
    show(onSave);
    expect(input().value).toBe('7');
    fireEvent.change(input(), { target: { value: '14' } });
    fireEvent.click(screen.getByTestId('citizen-settings-save'));
    await waitFor(() => expect(onSave).toHaveBeenCalledWith({ reopenDays: 14 }));
    expect((await screen.findByTestId('citizen-settings-outcome')).textContent).toContain('已保存');
  });

  it('shows the server refusal instead of claiming success', async () => {
    show(async () => {
      throw new ApiError({ status: 403, code: 'FORBIDDEN', message: '没有权限' });
    });
    fireEvent.change(input(), { target: { value: '3' } });
    fireEvent.click(screen.getByTestId('citizen-settings-save'));
    const outcome = await screen.findByTestId('citizen-settings-outcome');
    expect(outcome.textContent).not.toContain('已保存');
  });
});
