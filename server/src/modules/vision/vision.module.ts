import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import type { LiveHub } from '../../platform/live-events.ts';
import type { AuditService } from '../audit/index.ts';
import { createVisionIntake, type VisionIntakeDeps } from './vision-intake.ts';
import { createVisionReview, type ReviewCases } from './vision-review.ts';
import { createVisionSources, type VisionSourceDeps } from './vision-sources.ts';

export interface VisionDeps
  extends Pick<VisionIntakeDeps, 'intake' | 'duplicates' | 'photos' | 'imageHosts'>, VisionSourceDeps {
  cases: ReviewCases;
  audit: AuditService;
  live?: LiveHub;
}

/** Builds 城市之眼: the source registry, the webhook intake and the review desk with rates and missions. */
export function createVision(database: Database, clock: Clock, deps: VisionDeps) {
  const sources = createVisionSources(database, clock, deps);
  const intake = createVisionIntake(database, clock, { ...deps, sources });
  const review = createVisionReview(database, clock, { sources, cases: deps.cases, audit: deps.audit });
  return { sources, intake, review };
}
export type Vision = ReturnType<typeof createVision>;
