/**
 * Queries that still name another module's table (docs/architecture.md, "Table ownership"). `by-design`: test and
 * verification tooling that reads stored rows on purpose (the audit verifier must not trust the code it checks).
 * `todo`: to move behind the owner's index.ts; table-owners.test.ts fails when an entry is no longer needed, so
 * this list only shrinks.
 */
export interface OwnershipException {
  file: string;
  table: string;
  kind: 'todo' | 'by-design';
  reason: string;
}

export const OWNERSHIP_TODO: readonly OwnershipException[] = [
  {
    file: 'resilience/audit-checkpoint.ts',
    table: 'audit_log',
    kind: 'by-design',
    reason: "the integrity verifier reads the stored rows themselves, independently of the owner's code it checks",
  },
  {
    file: 'resilience/audit-checkpoint.ts',
    table: 'case_events',
    kind: 'by-design',
    reason: "the integrity verifier reads the stored rows themselves, independently of the owner's code it checks",
  },
  {
    file: 'resilience/audit-checkpoint.ts',
    table: 'tenants',
    kind: 'by-design',
    reason: "the integrity verifier reads the stored rows themselves, independently of the owner's code it checks",
  },
  {
    file: 'resilience/audit-verify-timelines.ts',
    table: 'cases',
    kind: 'by-design',
    reason: "the integrity verifier reads the stored rows themselves, independently of the owner's code it checks",
  },
  {
    file: 'resilience/audit-verify-timelines.ts',
    table: 'case_events',
    kind: 'by-design',
    reason: "the integrity verifier reads the stored rows themselves, independently of the owner's code it checks",
  },
  {
    file: 'resilience/audit-verify.ts',
    table: 'audit_log',
    kind: 'by-design',
    reason: "the integrity verifier reads the stored rows themselves, independently of the owner's code it checks",
  },
  {
    file: 'resilience/audit-verify.ts',
    table: 'tenants',
    kind: 'by-design',
    reason: "the integrity verifier reads the stored rows themselves, independently of the owner's code it checks",
  },
  {
    file: 'resilience/crash-driver.ts',
    table: 'cases',
    kind: 'by-design',
    reason: 'the crash driver inspects what survived a SIGKILL straight from the database',
  },
  {
    file: 'testing/open311.fixtures.ts',
    table: 'cases',
    kind: 'by-design',
    reason: 'test fixture: looks up seeded ids or puts rows in states the API cannot reach',
  },
  {
    file: 'testing/routing.fixtures.ts',
    table: 'tenants',
    kind: 'by-design',
    reason: 'test fixture: looks up seeded ids or puts rows in states the API cannot reach',
  },
  {
    file: 'testing/routing.fixtures.ts',
    table: 'units',
    kind: 'by-design',
    reason: 'test fixture: looks up seeded ids or puts rows in states the API cannot reach',
  },
  {
    file: 'testing/routing.fixtures.ts',
    table: 'regions',
    kind: 'by-design',
    reason: 'test fixture: looks up seeded ids or puts rows in states the API cannot reach',
  },
  {
    file: 'testing/routing.fixtures.ts',
    table: 'routing_rules',
    kind: 'by-design',
    reason: 'test fixture: looks up seeded ids or puts rows in states the API cannot reach',
  },
  {
    file: 'testing/routing.fixtures.ts',
    table: 'cases',
    kind: 'by-design',
    reason: 'test fixture: looks up seeded ids or puts rows in states the API cannot reach',
  },
];
