import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import type { LiveHub } from '../../platform/live-events.ts';
import type { PhotoService } from '../photos/index.ts';
import type { AuditService } from '../audit/index.ts';
import type { LeadIntake } from '../enforcement/index.ts';
import { createVisionIntake, type VisionIntakeDeps } from './vision-intake.ts';
import { createVisionReview, type ReviewCases } from './vision-review.ts';
import { createVisionSources, type VisionSourceDeps } from './vision-sources.ts';

export interface VisionDeps extends Pick<VisionIntakeDeps, 'intake' | 'duplicates' | 'imageHosts'>, VisionSourceDeps {
  photos: VisionIntakeDeps['photos'] & Pick<PhotoService, 'file'>;
  cases: ReviewCases;
  /** enforcement's lead intake: confirmed events of enforcement matters are referred there (docs/vision.md) */
  leads?: LeadIntake;
  audit: AuditService;
  live?: LiveHub;
}

/** Builds 城市之眼: the source registry, the webhook intake and the review desk with rates and missions. */
export function createVision(database: Database, clock: Clock, deps: VisionDeps) {
  const sources = createVisionSources(database, clock, deps);
  const intake = createVisionIntake(database, clock, { ...deps, sources });
  const review = createVisionReview(database, clock, {
    sources,
    cases: deps.cases,
    audit: deps.audit,
    photos: deps.photos,
    ...(deps.leads ? { leads: deps.leads } : {}),
  });
  return { sources, intake, review };
}
export type Vision = ReturnType<typeof createVision>;
