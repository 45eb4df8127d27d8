import { describe, expect, it } from 'vitest';
import { CASE_CHANNELS } from '../domain/case-channels.ts';
import { en } from './en.ts';
import { hasMessage, tryT } from './index.ts';
import { flattenCatalog } from './core.ts';
import { zhCN } from './zh-CN.ts';

/**
 * One name per channel: the case list, its export, the 大屏 and the statistics report all read `cases.channel.*`,
 * and the KPI total 公众举报 (public, hotline and petition together) is never the name of a single channel.
 */
describe('channel names', () => {
  it('has one name per channel in each language, distinct from each other and from the 公众举报 total', () => {
    for (const catalog of [zhCN, en]) {
      const flat = flattenCatalog(catalog as never);
      const names = CASE_CHANNELS.map((c) => flat[`cases.channel.${c}`]);
      expect(names.every((n) => typeof n === 'string' && n.length > 0)).toBe(true);
      expect(new Set(names).size).toBe(names.length);
      expect(names).not.toContain(flat['kpiWeb.counter.publicReported']);
    }
    expect(tryT('zh-CN', 'kpiWeb.counter.publicReported')).toBe('公众举报');
    expect(hasMessage('report.channels.public')).toBe(false);
  });
});
