import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { reportUpJsonSchema } from '../../../../common/contracts/report-up-schema.ts';

/** The JSON Schema published in docs/ is the one the code validates against, and it compiles as JSON Schema. */
describe('report-up JSON Schema', () => {
  it('docs/report-up.schema.json equals the code’s schemas', () => {
    const doc = JSON.parse(readFileSync(join(import.meta.dirname, '../../../../docs/report-up.schema.json'), 'utf8'));
    expect(doc).toEqual(reportUpJsonSchema());
  });

  it('compiles with ajv and refuses a record without its key', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    ((ajvFormats.default ?? ajvFormats) as unknown as (a: Ajv) => Ajv)(ajv);
    ajv.addSchema(reportUpJsonSchema(), 'report-up');
    const payload = ajv.getSchema('report-up#/definitions/ReportUpPayload');
    expect(payload).toBeTruthy();
    const base = {
      format: 'cityloop.report-up/1',
      tenantCode: '420281',
      timeZone: 'Asia/Shanghai',
      generatedAt: '2024-03-13T02:00:00.000Z',
    };
    expect(payload!({ ...base, kind: 'ping', batchId: '420281:ping' })).toBe(true);
    const steps = Object.fromEntries(
      ['reported', 'verifying', 'pending_filing', 'pending_dispatch', 'handling', 'reported_back', 'checking']
        .concat(['pending_close', 'closed', 'voided'])
        .map((k) => [k, null]),
    );
    const record = {
      key: '420281:420281-2024-000001@2024-03-12T02:00:00.000Z',
      caseNo: '420281-2024-000001',
      source: 'inspector',
      classCode: '09',
      subclassCode: '09006',
      address: null,
      lng: 114.975,
      lat: 30.1,
      gridCode: null,
      steps,
      status: 'reported',
      updatedAt: '2024-03-12T02:00:00.000Z',
    };
    const batch = { ...base, kind: 'cases', batchId: 'b', day: '2024-03-12', batch: 1, batches: 1 };
    expect(payload!({ ...batch, records: [record] }), JSON.stringify(payload!.errors)).toBe(true);
    const { key: _key, ...keyless } = record;
    expect(payload!({ ...batch, records: [keyless] })).toBe(false);
  });
});
