/** The statistics report (JSON, .docx, .xlsx) built from ReportSections that business modules register, and the
 * command dashboard summary. */
export { createReportService, type ReportService } from './report.service.ts';
export { createDashboardService, type DashboardService } from './dashboard.service.ts';
export { registerReportRoutes } from './report.routes.ts';
export { ReportRegistry, type ReportSection, type ReportContext } from './report-section.ts';
export {
  sectionFigures,
  figureView,
  emptyValue,
  figureLink,
  familyFigures,
  type ReportFigureFamily,
  type ReportFigureSpec,
  type DeclaredFigure,
} from './report-figures.ts';
