import { ReportUpFile } from './federation.ts';
import { ReportUpMonthFile, ReportUpPayload } from './report-up.ts';

/**
 * The published JSON Schema of report-up (docs/report-up.schema.json): the daily case file, the monthly statistics
 * file and the push bodies. A test keeps the document equal to these schemas.
 */
export const reportUpJsonSchema = () =>
  JSON.parse(
    JSON.stringify({
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: 'urn:cityloop:report-up:1',
      title: 'CityLoop report-up (cityloop.report-up/1)',
      definitions: { ReportUpFile, ReportUpMonthFile, ReportUpPayload },
    }),
  ) as Record<string, unknown>;
