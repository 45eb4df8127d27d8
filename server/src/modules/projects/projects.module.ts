import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import type { ProjectDeps } from './project-context.ts';
import { projectsSection } from './projects-report-section.ts';
import { createProjectsService } from './projects.service.ts';

/** The projects module's service and report section (the composition root calls this). */
export function createProjects(database: Database, clock: Clock, deps: ProjectDeps) {
  const service = createProjectsService(database, clock, deps);
  return { service, reportSection: projectsSection(service) };
}
export type Projects = ReturnType<typeof createProjects>;
