// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import type { KpiSettings } from '../../../../common/contracts/kpi.ts';
import { DEFAULT_GRADES, DEFAULT_WEIGHTS, type KpiWeights } from '../../../../common/domain/kpi.ts';
import { DEFAULT_BANDS } from '../../../../common/domain/kpi-bands.ts';
import { ApiError } from '../../api/errors.ts';
import { fakeAuth, fakeMe, withProviders } from '../../testing.tsx';
import { weightsProblems } from './weights-form.ts';
import { WeightsEditor } from './WeightsEditor.tsx';

afterEach(cleanup);

const settings = (): KpiSettings => ({
  weights: structuredClone(DEFAULT_WEIGHTS) as KpiSettings['weights'],
  grades: { ...DEFAULT_GRADES },
  options: { excludeSuspended: false, bottomCount: 3, minCases: 5, topTie: 'none' },
  bands: structuredClone(DEFAULT_BANDS),
});

describe('weights validation', () => {
  it('accepts the defaults and names every subject whose weights do not sum to 100 %', () => {
    expect(weightsProblems(DEFAULT_WEIGHTS, DEFAULT_GRADES)).toEqual([]);
    const w = structuredClone(DEFAULT_WEIGHTS) as KpiWeights;
    w.unit.closeRate = 40;
    w.region.filedScore = 10;
    expect(weightsProblems(w, DEFAULT_GRADES)).toEqual([
      { kind: 'sum', subject: 'unit', sum: 110 },
      { kind: 'sum', subject: 'region', sum: 90 },
    ]);
    expect(weightsProblems(DEFAULT_WEIGHTS, { A: 90, B: 90, C: 60, D: 40 })).toEqual([{ kind: 'grades' }]);
  });
});

function show(onSave = vi.fn(async () => undefined)) {
  render(
    withProviders(
      <App>
        <WeightsEditor open initial={settings()} onClose={() => undefined} onSave={onSave} />
      </App>,
      fakeAuth(fakeMe(['admin'])),
    ),
  );
  return onSave;
}

const input = (testId: string) => {
  const el = screen.getByTestId(testId);
  const i = el.tagName === 'INPUT' ? el : el.querySelector('input');
  if (!i) throw new Error(`no input ${testId}`);
  return i;
};

describe('weights editor', () => {
  it('blocks saving with a clear message while a subject does not sum to 100 %, and saves once it does', async () => {
    const onSave = show();
    expect(screen.getByTestId('weights-sum-unit').textContent).toBe('合计 100%');
    fireEvent.change(input('weight-unit-closeRate'), { target: { value: '50' } });
    await waitFor(() => expect(screen.getByTestId('weights-sum-unit').textContent).toBe('合计 120%'));
    expect(screen.getByTestId('weights-problems').textContent).toContain('专业部门的权重合计为 120%，须等于 100%');
    expect((screen.getByTestId('weights-save') as HTMLButtonElement).disabled).toBe(true);

    fireEvent.change(input('weight-unit-onTimeHandleRate'), { target: { value: '10' } });
    await waitFor(() => expect(screen.queryByTestId('weights-problems')).toBeNull());
    const save = screen.getByTestId('weights-save') as HTMLButtonElement;
    expect(save.disabled).toBe(false);
    fireEvent.click(save);
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    const sent = (onSave.mock.calls[0] as unknown as [KpiSettings])[0];
    expect(sent.weights.unit).toEqual({ filedScore: 10, closeRate: 50, onTimeHandleRate: 10, reworkRate: 30 });
    expect(sent.weights.region).toEqual(DEFAULT_WEIGHTS.region);
  });

  it('refuses grade thresholds that do not descend, and shows a refusal from the server', async () => {
    const onSave = show(
      vi.fn(async () => {
        throw new ApiError({ status: 400, code: 'VALIDATION', message: '权重无效' });
      }),
    );
    fireEvent.change(input('grade-B'), { target: { value: '95' } });
    await waitFor(() =>
      expect(screen.getByTestId('weights-problems').textContent).toContain('100 ≥ A > B > C > D ≥ 0'),
    );
    fireEvent.change(input('grade-B'), { target: { value: '75' } });
    await waitFor(() => expect(screen.queryByTestId('weights-problems')).toBeNull());
    fireEvent.click(screen.getByTestId('weights-save'));
    await waitFor(() => expect(onSave).toHaveBeenCalled());
    expect(await screen.findByTestId('weights-server-error')).toBeTruthy();
  });

  it('edits the 派遣数 bands on their own, blocks a repeated threshold, and sends the bands with the weights', async () => {
    const onSave = show();
    expect(screen.getByTestId('bands-dispatched').textContent).toContain('派遣数分值');
    fireEvent.change(input('band-dispatched-1-threshold'), { target: { value: '2000' } });
    await waitFor(() =>
      expect(screen.getByTestId('weights-problems').textContent).toContain('派遣数分值的阈值须为不重复的非负整数'),
    );
    expect((screen.getByTestId('weights-save') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(input('band-dispatched-1-threshold'), { target: { value: '800' } });
    await waitFor(() => expect(screen.queryByTestId('weights-problems')).toBeNull());
    fireEvent.click(screen.getByTestId('weights-save'));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    const sent = (onSave.mock.calls[0] as unknown as [KpiSettings])[0];
    expect(sent.bands?.dispatched[1]).toEqual({ threshold: 800, score: 90 });
    expect(sent.bands?.accepted).toEqual(DEFAULT_BANDS.accepted);
  });

  it('edits the minimum case count of the ranking and sends it with the tie rule', async () => {
    const onSave = show();
    fireEvent.change(input('weights-min-cases'), { target: { value: '8' } });
    await waitFor(() => expect((input('weights-min-cases') as HTMLInputElement).value).toBe('8'));
    fireEvent.click(screen.getByTestId('weights-save'));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    const sent = (onSave.mock.calls[0] as unknown as [KpiSettings])[0];
    expect(sent.options).toEqual({ excludeSuspended: false, bottomCount: 3, minCases: 8, topTie: 'none' });
  });
});
