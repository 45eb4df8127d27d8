import { describe, expect, it } from 'vitest';
import {
  alarmNext,
  batteryVerdict,
  DEFAULT_RULES,
  evaluate,
  inWindows,
  signingString,
  type Rule,
  type Watch,
} from './iot.ts';

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

describe('the default rules', () => {
  it('tilt > 15° for 10 s; water > 15 cm for 3 min; gas > 20 % LEL at once', () => {
    expect(
      run(DEFAULT_RULES.manhole_tilt, [
        [0, 16],
        [9, 16],
        [10, 16],
      ]),
    ).toEqual(['none', 'none', 'raise']);
    expect(
      run(DEFAULT_RULES.water_level, [
        [0, 20],
        [60, 18],
        [179, 19],
        [180, 17],
      ]),
    ).toEqual(['none', 'none', 'none', 'raise']);
    expect(
      run(DEFAULT_RULES.gas_detector, [
        [0, 3],
        [1, 20],
        [2, 20.5],
      ]),
    ).toEqual(['none', 'none', 'raise']);
  });
});

describe('rate of change', () => {
  // water rising faster than 2 cm a minute, held for a minute; recovers when it rises no faster than 1 cm a minute
  const rising: Rule = { metric: 'water_cm', op: 'gt', threshold: 2, hysteresis: 1, minDurationS: 60, measure: 'rate' };
  it('judges the change per minute between consecutive readings, not the value', () => {
    // 0 → 1 cm in 30 s is 2 cm/min: not over; then 3 cm/min for a minute raises, though the water is still shallow
    expect(
      run(rising, [
        [0, 0],
        [30, 1],
        [60, 2.5],
        [90, 4],
        [120, 5.5],
      ]),
    ).toEqual(['none', 'none', 'none', 'none', 'raise']);
  });
  it('needs a previous reading, and recovers when the rise slows past the hysteresis', () => {
    const steps = run(rising, [
      [0, 10],
      [60, 13],
      [120, 16],
      [180, 17.5],
      [240, 18],
    ]);
    // 3 cm/min at 60 s starts the run, 120 s holds it a minute: raised; 1.5 cm/min stays; 0.5 cm/min recovers
    expect(steps).toEqual(['none', 'none', 'raise', 'none', 'recover']);
  });
});

describe('time windows', () => {
  // noise over 55 dB(A) at night only (22:00–06:00 Beijing time = 14:00–22:00 UTC)
  const night: Rule = {
    metric: 'noise_dba',
    op: 'gt',
    threshold: 55,
    hysteresis: 3,
    minDurationS: 0,
    windows: [{ from: '22:00', to: '06:00' }],
  };
  const utc = (h: number, m = 0) => new Date(Date.UTC(2024, 2, 12, h, m)).toISOString();
  const judge = (iso: string, v: number, zone = 'Asia/Shanghai') =>
    evaluate(night, { breachSince: null, latched: false }, v, iso, zone).verdict;
  it('raises only inside the window, read in the tenant’s zone, across midnight', () => {
    expect(judge(utc(2), 70)).toBe('none'); // 10:00 local
    expect(judge(utc(13, 59), 70)).toBe('none'); // 21:59
    expect(judge(utc(14), 70)).toBe('raise'); // 22:00
    expect(judge(utc(21, 59), 70)).toBe('raise'); // 05:59
    expect(judge(utc(22), 70)).toBe('none'); // 06:00
    expect(judge(utc(2), 70, 'UTC')).toBe('raise'); // 02:00 in another zone
  });
  it('lets an open alarm recover outside the window', () => {
    const open: Watch = { breachSince: utc(21), latched: true };
    expect(evaluate(night, open, 40, utc(23)).verdict).toBe('recover');
  });
  it('reads windows within a day and over midnight', () => {
    expect(inWindows(8 * 60, [{ from: '07:00', to: '09:00' }])).toBe(true);
    expect(inWindows(9 * 60, [{ from: '07:00', to: '09:00' }])).toBe(false);
    expect(inWindows(23 * 60, [{ from: '22:00', to: '06:00' }])).toBe(true);
    expect(inWindows(12 * 60, null)).toBe(true);
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

describe('batteryVerdict', () => {
  it('raises strictly below the threshold and closes only at the threshold plus the margin', () => {
    expect(batteryVerdict(19.9, 20, false)).toBe('raise');
    expect(batteryVerdict(20, 20, false)).toBe('none');
    expect(batteryVerdict(null, 20, false)).toBe('none');
    // an open task holds through the band between the threshold and threshold + 10
    expect(batteryVerdict(5, 20, true)).toBe('none');
    expect(batteryVerdict(29.9, 20, true)).toBe('none');
    expect(batteryVerdict(30, 20, true)).toBe('close');
  });
});
