import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The test files that take longest (route matrix and fuzz, process-level crash and backup tests, nested Vitest runs),
 * started before the rest. Vitest orders a fresh clone by file size, which put some of them last, so a pass ended
 * with one worker busy on a long file and the other core idle. Order among the rest is Vitest's own.
 */
const SLOW_FIRST = [
  'server/src/platform/route-matrix.test.ts',
  'server/src/resilience/route-fuzz.http.test.ts',
  'server/src/testing/test-db-cleanup.test.ts',
  'server/src/resilience/crash.process.test.ts',
  'server/src/resilience/privacy.http.test.ts',
  'server/src/scale/kpi-drill.http.test.ts',
  'server/src/resilience/backup.test.ts',
  'server/src/resilience/enforcement-privacy.http.test.ts',
  'server/src/seed/seed-cli.test.ts',
  'server/src/testing/test-template.test.ts',
  'server/src/platform/storage-unavailable.http.test.ts',
];

const rank = (spec: TestSpecification) => {
  const at = SLOW_FIRST.findIndex((path) => spec.moduleId.endsWith(path));
  return at < 0 ? SLOW_FIRST.length : at;
};

export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return sorted
      .map((spec, k) => ({ spec, k }))
      .sort((a, b) => rank(a.spec) - rank(b.spec) || a.k - b.k)
      .map((x) => x.spec);
  }
}
