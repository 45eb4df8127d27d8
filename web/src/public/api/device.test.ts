// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  clearDraft,
  deviceId,
  emptyDraft,
  forgetReport,
  loadDraft,
  myReports,
  rememberReport,
  saveDraft,
} from './device.ts';

describe('what the citizen phone remembers', () => {
  beforeEach(() => localStorage.clear());

  it('keeps one random device id, valid for the server header', () => {
    const id = deviceId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(deviceId()).toBe(id);
  });

  it('remembers reports newest first, without duplicates, and forgets on request', () => {
    rememberReport({ caseNo: 'A', token: 't1', matterName: '暴露垃圾', at: '2024-03-12T02:00:00Z' });
    rememberReport({ caseNo: 'B', token: 't2', matterName: '占道经营', at: '2024-03-12T03:00:00Z' });
    rememberReport({ caseNo: 'A', token: 't1', matterName: '暴露垃圾', at: '2024-03-12T02:00:00Z' });
    expect(myReports().map((r) => r.caseNo)).toEqual(['A', 'B']);
    forgetReport('t1');
    expect(myReports().map((r) => r.caseNo)).toEqual(['B']);
  });

  it('keeps the draft with its idempotency key until cleared; a full storage still keeps text and uploaded photo ids', () => {
    const draft = {
      ...emptyDraft(),
      description: '井盖缺失',
      photos: [
        { url: 'data:image/jpeg;base64,AAAA', key: 'p-1', id: 'photo-1' },
        { url: 'data:image/jpeg;base64,BBBB', key: 'p-2', id: null },
      ],
    };
    saveDraft(draft);
    expect(loadDraft()).toEqual(draft);
    clearDraft();
    expect(loadDraft()).toBeNull();

    const original = localStorage.setItem.bind(localStorage);
    let calls = 0;
    const spy = vi.spyOn(localStorage, 'setItem').mockImplementation((key: string, value: string) => {
      calls += 1;
      if (calls === 1) throw new DOMException('full', 'QuotaExceededError');
      original(key, value);
    });
    try {
      saveDraft(draft);
    } finally {
      spy.mockRestore();
    }
    expect(calls).toBe(2);
    const kept = loadDraft();
    expect(kept?.key).toBe(draft.key);
    expect(kept?.description).toBe('井盖缺失');
    expect(kept?.photos).toEqual([{ url: '', key: 'p-1', id: 'photo-1' }]);
  });
});
