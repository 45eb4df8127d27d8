/**
 * Work calendar per tenant: 法定节假日 and 调休 rows (seeded from the data package, edited by admins each year) and
 * working periods. Other modules compute deadlines and elapsed working time with `calendar.forTenant(tenantId)`.
 */
export { createCalendarService, type CalendarService } from './calendar.service.ts';
export { registerCalendarRoutes } from './calendar.routes.ts';
export type { WorkCalendar, LimitUnit } from '../../../../common/domain/work-calendar.ts';
export { seedHolidays } from './calendar.seed.ts';
