import { describe, expect, it } from 'vitest';
import { callerReplyAllowed, draftReply } from './hotline-reply.ts';

describe('办理答复 draft', () => {
  const base = {
    source: '12345',
    externalNo: 'GD-9',
    content: '占道烧烤',
    caseNo: '420281-20240312-00001',
    matterName: '占道经营',
    unitName: '环卫所',
    filingCondition: '占道经营',
    closedAt: '2024-03-12T08:30:00.000Z',
  };

  it('has the four parts of a 办理答复 from the timeline notes, without doubled punctuation, in business time', () => {
    const text = draftReply(
      {
        ...base,
        timeline: [
          { at: '', action: 'report', note: '内部备注不应出现' },
          { at: '', action: 'verify', note: '现场属实。' },
          { at: '', action: 'report_back', note: '已劝离摊主；' },
          { at: '', action: 'check_fail', note: '仍有油污' },
          { at: '', action: 'report_back', note: '已清洗路面' },
          { at: '', action: 'check_pass', note: '现场整洁。' },
          { at: '', action: 'close', note: '内部：结案意见', data_json: JSON.stringify({ publicReply: '已恢复通行' }) },
        ],
      },
      'Asia/Shanghai',
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe('【办理答复】12345热线工单 GD-9（数字城管案件 420281-20240312-00001）');
    expect(lines[2]).toBe('调查核实情况：现场属实。');
    // the closing contributes 答复市民, never its internal note
    expect(lines[3]).toBe('处理结果：已劝离摊主；已清洗路面（处置单位：环卫所）。核查情况：现场整洁；已恢复通行。');
    expect(lines[4]).toContain('已于 2024-03-12 16:30 结案。');
    expect(lines[5]).toMatch(/^后续安排：/);
    expect(text).not.toContain('内部备注');
    expect(text).not.toContain('结案意见');
    expect(text).not.toMatch(/。。|；。/);
  });

  it('still reads as a reply when the case carries no notes', () => {
    const text = draftReply(
      { ...base, source: 'petition', unitName: null, filingCondition: null, timeline: [] },
      'Asia/Shanghai',
    );
    expect(text).toContain('阳光信访工单 GD-9');
    expect(text).toContain('情况属实');
    expect(text).toContain('处理结果：已处置完毕。');
  });
});

describe('reply to the caller by source', () => {
  it('is on for 12345 and 民情通, off for 阳光信访 by default; the setting overrides per source', () => {
    expect(['12345', 'minqingtong', 'petition'].map((src) => callerReplyAllowed(undefined, src))).toEqual([
      true,
      true,
      false,
    ]);
    const setting = { value: { petition: true, '12345': false, minqingtong: 'yes' } };
    expect(['12345', 'minqingtong', 'petition'].map((src) => callerReplyAllowed(setting, src))).toEqual([
      false,
      true,
      true,
    ]);
    expect(callerReplyAllowed({ value: [true] }, 'petition')).toBe(false);
  });
});
