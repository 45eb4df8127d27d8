/**
 * 项目与资金: projects with the funds won by source, subprojects and milestones whose weights roll progress up, dated
 * progress reports with photos, the map, figures and the report's sentences (docs/projects.md).
 */
export { createProjects, type Projects } from './projects.module.ts';
export type { ProjectsService } from './projects.service.ts';
export { registerProjectRoutes } from './projects.routes.ts';
export { PROJECT_ERRORS } from './projects.errors.ts';
export { seedProjects, type ProjectSeed } from './projects.seed.ts';
/** project exists / its name, for other modules (their own transaction) */
export { projectNames, projectRef } from './project-ref.ts';
