/**
 * Property tests: the fast calendar (whole-day skipping, O(log n) counting) against a naive reference that walks
 * every local day and its working intervals, for the seeded calendar and for random periods and day rows.
 * The reference shares no code with the module: it parses '+08:00' wall times itself.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMIT_UNITS, WorkCalendar, type CalendarDay, type WorkCalendarSpec } from './work-calendar.ts';
import { defaultWorkCalendarSpec } from './work-calendar-seed.ts';

const DAY = 86_400_000;
const BJ = 8 * 3_600_000;

class Reference {
  private readonly rows: Map<string, CalendarDay['kind']>;
  private readonly periods: [number, number][];

  constructor(spec: WorkCalendarSpec) {
    this.rows = new Map(spec.days.map((d) => [d.date, d.kind]));
    const minutes = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
    this.periods = spec.periods.map((p) => [minutes(p.start) * 60_000, minutes(p.end) * 60_000]);
  }

  private intervals(date: string, midnight: number): [number, number][] {
    const kind = this.rows.get(date);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    const working = kind ? kind === 'workday' : weekday !== 0 && weekday !== 6;
    return working ? this.periods.map(([s, e]) => [midnight + s, midnight + e]) : [];
  }

  /** Local days from the one containing `from`, each with its midnight instant and working intervals. */
  private *days(from: number): Generator<{ midnight: number; intervals: [number, number][] }> {
    let date = new Date(from + BJ).toISOString().slice(0, 10);
    for (let i = 0; i < 20_000; i++) {
      const midnight = Date.parse(`${date}T00:00:00+08:00`);
      yield { midnight, intervals: this.intervals(date, midnight) };
      date = new Date(Date.parse(`${date}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
    }
    throw new Error('reference ran too far');
  }

  workingMs(a: number, b: number): number {
    if (b < a) return 0 - this.workingMs(b, a) || 0;
    let total = 0;
    for (const { midnight, intervals } of this.days(a)) {
      if (midnight > b) break;
      for (const [s, e] of intervals) total += Math.max(0, Math.min(e, b) - Math.max(s, a));
    }
    return total;
  }

  addWorking(a: number, limit: number): number {
    if (limit === 0) return a;
    let left = limit;
    for (const { intervals } of this.days(a)) {
      for (const [s, e] of intervals) {
        const from = Math.max(s, a);
        if (from >= e) continue;
        if (left <= e - from) return from + left;
        left -= e - from;
      }
    }
    throw new Error('unreachable');
  }
}

const FROM = Date.parse('2022-12-20T00:00:00+08:00');
const TO = Date.parse('2027-01-10T00:00:00+08:00');
/** Minutes of the day where the default periods start or end, plus midnight: the edges that matter. */
const EDGES = [0, 480, 720, 840, 1080, 1439];

const instantArb = (from: number, to: number): fc.Arbitrary<number> =>
  fc.oneof(
    fc.integer({ min: from, max: to }),
    fc
      .record({
        day: fc.integer({ min: 0, max: Math.floor((to - from) / DAY) }),
        minute: fc.constantFrom(...EDGES),
        jitter: fc.constantFrom(-1, 0, 1, -60_000, 60_000),
      })
      .map(({ day, minute, jitter }) => from + day * DAY + minute * 60_000 + jitter),
  );
const valueArb = fc.oneof(
  fc.integer({ min: 0, max: 30 }),
  fc.integer({ min: 0, max: 4000 }).map((x) => x / 100),
  fc.double({ min: 0, max: 60, noNaN: true }),
);
const unitArb = fc.constantFrom(...LIMIT_UNITS);
const workUnitArb = fc.constantFrom('work_hours' as const, 'work_days' as const);

const hhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
/**
 * 1–3 non-overlapping periods (possibly adjacent) and day rows from 2024-01-01 on; `workdayWeight` > 1 makes
 * many weekends working, so a few weeks can hold more than 5 working days each (the week-jump overshoot case).
 */
const specArb = (
  minRows: number,
  maxRows: number,
  spanDays: number,
  workdayWeight = 1,
): fc.Arbitrary<WorkCalendarSpec> =>
  fc
    .record({
      bounds: fc.uniqueArray(fc.integer({ min: 0, max: 1440 }), { minLength: 2, maxLength: 6 }),
      rows: fc.uniqueArray(
        fc.record({
          offset: fc.integer({ min: 0, max: spanDays }),
          kind: fc.oneof(
            { arbitrary: fc.constant('holiday' as const), weight: 1 },
            { arbitrary: fc.constant('workday' as const), weight: workdayWeight },
          ),
        }),
        { minLength: minRows, maxLength: maxRows, selector: (r) => r.offset },
      ),
    })
    .map(({ bounds, rows }) => {
      const sorted = [...bounds].sort((a, b) => a - b);
      const periods = [];
      for (let i = 0; i + 1 < sorted.length; i += 2) {
        periods.push({ start: hhmm(sorted[i] as number), end: hhmm(sorted[i + 1] as number) });
      }
      const days = rows.map((r) => ({
        date: new Date(Date.UTC(2024, 0, 1) + r.offset * DAY).toISOString().slice(0, 10),
        kind: r.kind,
      }));
      return { timeZone: 'Asia/Shanghai', periods, days };
    });

describe('seeded calendar against the reference', () => {
  const spec = defaultWorkCalendarSpec();
  const cal = new WorkCalendar(spec);
  const ref = new Reference(spec);
  const anyInstant = instantArb(FROM, TO);

  it('addLimit equals the reference for every unit', () => {
    fc.assert(
      fc.property(instantArb(FROM, TO), valueArb, unitArb, (start, value, unit) => {
        const limit = cal.limitMs(value, unit);
        const expected =
          unit === 'emergency_hours' || unit === 'calendar_days' ? start + limit : ref.addWorking(start, limit);
        expect(cal.addLimit(new Date(start), value, unit).getTime()).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('workingMsBetween equals the reference, in both directions', () => {
    fc.assert(
      fc.property(instantArb(FROM, TO), fc.integer({ min: -40 * DAY, max: 40 * DAY }), (a, span) => {
        expect(cal.workingMsBetween(new Date(a), new Date(a + span))).toBe(ref.workingMs(a, a + span));
      }),
      { numRuns: 3000 },
    );
  });

  it('round trip: elapsed(start, addLimit(start, n, u), u) == limitMs(n, u)', () => {
    fc.assert(
      fc.property(instantArb(FROM, TO), valueArb, unitArb, (start, value, unit) => {
        const s = new Date(start);
        expect(cal.elapsed(s, cal.addLimit(s, value, unit), unit)).toBe(cal.limitMs(value, unit));
      }),
      { numRuns: 3000 },
    );
  });

  it('the deadline is the earliest instant at which the limit is used up', () => {
    fc.assert(
      fc.property(instantArb(FROM, TO), valueArb, workUnitArb, (start, value, unit) => {
        const limit = cal.limitMs(value, unit);
        fc.pre(limit > 0);
        const s = new Date(start);
        const just = new Date(cal.addLimit(s, value, unit).getTime() - 1);
        expect(cal.workingMsBetween(s, just)).toBeLessThan(limit);
      }),
      { numRuns: 2000 },
    );
  });

  it('working time is additive and deadlines grow with the limit', () => {
    fc.assert(
      fc.property(anyInstant, anyInstant, anyInstant, valueArb, valueArb, unitArb, (a, b, c, v1, v2, unit) => {
        const [x, y, z] = [new Date(a), new Date(b), new Date(c)];
        expect(cal.workingMsBetween(x, y) + cal.workingMsBetween(y, z)).toBe(cal.workingMsBetween(x, z));
        const [lo, hi] = v1 <= v2 ? [v1, v2] : [v2, v1];
        expect(cal.addLimit(x, lo, unit).getTime()).toBeLessThanOrEqual(cal.addLimit(x, hi, unit).getTime());
      }),
      { numRuns: 1000 },
    );
  });
});

describe('random periods and day rows against the reference', () => {
  const from = Date.parse('2023-12-25T00:00:00+08:00');
  const to = Date.parse('2025-03-01T00:00:00+08:00');

  it('addLimit and workingMsBetween agree with the reference', () => {
    fc.assert(
      fc.property(
        specArb(0, 150, 430),
        instantArb(from, to),
        valueArb,
        workUnitArb,
        fc.integer({ min: -20 * DAY, max: 60 * DAY }),
        (spec, start, value, unit, span) => {
          const cal = new WorkCalendar(spec);
          const ref = new Reference(spec);
          const limit = cal.limitMs(value, unit);
          const deadline = cal.addLimit(new Date(start), value, unit).getTime();
          expect(deadline).toBe(ref.addWorking(start, limit));
          expect(cal.workingMsBetween(new Date(start), new Date(deadline))).toBe(limit);
          const worked = cal.workingMsBetween(new Date(start), new Date(start + span));
          expect(worked).toBe(ref.workingMs(start, start + span));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('long limits over dense weekend workdays agree with the reference', () => {
    fc.assert(
      fc.property(
        specArb(400, 700, 900, 6),
        instantArb(from, to),
        fc.integer({ min: 20, max: 400 }),
        (spec, start, days) => {
          const cal = new WorkCalendar(spec);
          const deadline = cal.addLimit(new Date(start), days, 'work_days').getTime();
          expect(deadline).toBe(new Reference(spec).addWorking(start, cal.limitMs(days, 'work_days')));
        },
      ),
      { numRuns: 300 },
    );
  });
});
