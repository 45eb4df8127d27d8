import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKFLOW, type WorkflowOptions } from '../../../../common/domain/workflow-options.ts';
import { closable, unclosableOption, type WorkflowFacts } from './case-workflow-closable.ts';

/** The closability walk over the state machine's table, with the options and the city's facts. */
const facts = (f: Partial<WorkflowFacts> = {}): WorkflowFacts => ({
  inspectors: true,
  gridInspectors: true,
  hasCondition: () => true,
  ...f,
});
const withOptions = (o: Partial<WorkflowOptions>): WorkflowOptions => ({ ...DEFAULT_WORKFLOW, ...o });
const report = { channel: 'public', matterCode: '06010' };

describe('closability of a workflow option set', () => {
  it('the defaults close every case a city with inspectors and filing conditions can close', () => {
    expect(closable(DEFAULT_WORKFLOW, facts(), report)).toBe(true);
    expect(unclosableOption(DEFAULT_WORKFLOW, facts(), ['06010', '09006'])).toBeNull();
  });

  it('核查 by the grid with nobody holding a grid is blamed on checkBy', () => {
    const o = withOptions({ checkBy: 'grid_on_duty' });
    expect(closable(o, facts({ gridInspectors: false }), report)).toBe(false);
    expect(unclosableOption(o, facts({ gridInspectors: false }), ['06010'])).toEqual({
      option: 'checkBy',
      channel: 'inspector',
      matterCode: '06010',
    });
    expect(unclosableOption(o, facts(), ['06010'])).toBeNull();
  });

  it('required or skipped verification still closes: the other way stays open', () => {
    for (const mode of ['required', 'skip'] as const) {
      const o = withOptions({ verification: { ...DEFAULT_WORKFLOW.verification, public: mode } });
      expect(closable(o, facts(), report)).toBe(true);
    }
  });

  it('a matter without a filing condition is not closable under any options, so no option is blamed for it', () => {
    const f = facts({ hasCondition: (m) => m !== '09006' });
    expect(closable(DEFAULT_WORKFLOW, f, { channel: 'public', matterCode: '09006' })).toBe(false);
    expect(unclosableOption(withOptions({ dispatchOnAccept: ['09'] }), f, ['09006'])).toBeNull();
  });
});
