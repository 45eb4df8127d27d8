import { describe, expect, it } from 'vitest';
import { alarmNext, evaluate, signingString, type Rule, type Watch } from './iot.ts';

const tilt: Rule = { metric: 'tilt_deg', op: 'gt', threshold: 15, hysteresis: 3, minDurationS: 10 };
const at = (s: number) => new Date(Date.UTC(2024, 2, 12, 2, 0, s)).toISOString();

function run(rule: Rule, readings: [number, number][]) {
  let w: Watch = { breachSince: null, latched: false };
  return readings.map(([s, v]) => {
    const out = evaluate(rule, w, v, at(s));
    w = out.watch;
    return out.verdict;
  });
}

describe('evaluate', () => {
  it('raises once the value has been over for the minimum duration, and not before', () => {
    expect(
      run(tilt, [
        [0, 16],
        [5, 17],
        [9, 30],
        [10, 16],
        [11, 40],
      ]),
    ).toEqual(['none', 'none', 'none', 'raise', 'none']);
  });
  it('starts the duration over after a reading at or under the threshold', () => {
    expect(
      run(tilt, [
        [0, 16],
        [5, 15],
        [10, 16],
        [19, 16],
        [20, 16],
      ]),
    ).toEqual(['none', 'none', 'none', 'none', 'raise']);
  });
  it('keeps a raised condition inside the hysteresis band and recovers past it', () => {
    expect(
      run(tilt, [
        [0, 16],
        [10, 16],
        [15, 12.5],
        [20, 16],
        [25, 12],
        [30, 16],
      ]),
    ).toEqual(['none', 'raise', 'none', 'none', 'recover', 'none']);
  });
  it('raises at once with no minimum duration, and watches falling values with lt', () => {
    expect(run({ ...tilt, minDurationS: 0 }, [[0, 25]])).toEqual(['raise']);
    const low: Rule = { metric: 'level_m', op: 'lt', threshold: 1, hysteresis: 0.2, minDurationS: 0 };
    expect(
      run(low, [
        [0, 1.5],
        [1, 0.9],
        [2, 1.1],
        [3, 1.2],
      ]),
    ).toEqual(['none', 'raise', 'none', 'recover']);
  });
});

describe('alarm lifecycle', () => {
  it('goes raised → acknowledged → case → cleared, and never out of cleared', () => {
    expect(alarmNext('raised', 'acknowledge')).toBe('acknowledged');
    expect(alarmNext('acknowledged', 'case')).toBe('case');
    expect(alarmNext('raised', 'case')).toBe('case');
    expect(alarmNext('case', 'acknowledge')).toBeNull();
    expect(alarmNext('case', 'case')).toBeNull();
    expect(alarmNext('case', 'clear')).toBe('cleared');
    expect(alarmNext('cleared', 'clear')).toBeNull();
  });
});

describe('signingString', () => {
  it('is the documented form: values sorted by name with three decimals (docs/iot.md, "Signature")', () => {
    expect(
      signingString({
        tenant: '420281',
        device: 'JG-0001',
        kind: 'telemetry',
        ts: '2024-03-12T02:00:10Z',
        seq: 17,
        values: { tilt_deg: 16.5, battery_pct: 87 },
      }),
    ).toBe('v1\n420281\nJG-0001\ntelemetry\n2024-03-12T02:00:10Z\n17\nbattery_pct=87.000;tilt_deg=16.500');
  });
});
