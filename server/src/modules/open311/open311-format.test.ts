import { describe, expect, it } from 'vitest';
import { errorsDoc, list, parseXml, render, splitFormat, w3c } from './open311-format.ts';
import { Params, dateParam } from './open311-params.ts';
import { detailedStatus, openClosed, postedUpdateState, updateState } from './open311-status.ts';
import { checkAttributes } from './open311-intake.ts';

/**
 * Pure rules of docs/open311.md, "Global rules" (Spark JSON, XML, W3C), "Creating a request" (attributes), "Service
 * request updates" (states).
 */
describe('one document, two renderings (docs/open311.md "Global rules")', () => {
  const doc = {
    root: 'services',
    body: list('service', [
      {
        service_code: '001',
        metadata: false,
        keywords: null,
        attributes: list('attribute', [{ values: list('value', [{ key: 'a', name: 'A & <B>' }]) }]),
      },
    ]),
  };

  it('JSON: a container is an array even with one child; the root disappears; nulls are omitted; codes stay strings', () => {
    expect(JSON.parse(render(doc, 'json'))).toEqual([
      { service_code: '001', metadata: false, attributes: [{ values: [{ key: 'a', name: 'A & <B>' }] }] },
    ]);
  });

  it('XML: utf-8 declaration, no namespace, escaped text, booleans as text, empty lists as empty elements', () => {
    const out = render(doc, 'xml');
    expect(out).toBe(
      '<?xml version="1.0" encoding="utf-8"?><services><service><service_code>001</service_code><metadata>false</metadata>' +
        '<attributes><attribute><values><value><key>a</key><name>A &amp; &lt;B&gt;</name></value></values></attribute></attributes></service></services>',
    );
    expect(render({ root: 'service_requests', body: list('request', []) }, 'xml')).toBe(
      '<?xml version="1.0" encoding="utf-8"?><service_requests></service_requests>',
    );
    expect(render({ root: 'x', body: { d: 'a\u0000b\u0007c' } }, 'xml')).toContain('<d>abc</d>');
  });

  it('errors: an array of {code, description} with the HTTP status as code (docs/open311.md "Errors")', () => {
    expect(JSON.parse(render(errorsDoc(403, ['api_key is missing or invalid']), 'json'))).toEqual([
      { code: '403', description: 'api_key is missing or invalid' },
    ]);
  });

  it('W3C datetimes keep seconds and the zone, never milliseconds', () => {
    expect(w3c('2024-03-12T02:15:00.123Z')).toBe('2024-03-12T02:15:00Z');
    expect(w3c(null)).toBeNull();
  });

  it('format by extension: xml and json only', () => {
    expect(splitFormat('services.json')).toEqual({ name: 'services', format: 'json' });
    expect(splitFormat('requests.XML')).toEqual({ name: 'requests', format: 'xml' });
    expect(splitFormat('services.html').format).toBeNull();
  });

  it('XML bodies: well-formed only, no DOCTYPE/entities', () => {
    expect(parseXml('<request><lat>30.1</lat></request>')).toEqual({ request: { lat: '30.1' } });
    expect(parseXml('<request><lat>30.1</request>')).toBeNull();
    expect(
      parseXml('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>'),
    ).toBeNull();
  });
});

describe('arguments (docs/open311.md "Global rules", "Creating a request", "Reading requests")', () => {
  it('empty = absent; comma lists merge and dedupe; attribute[CODE] and attribute[CODE][] collect values', () => {
    const p = Params.from(
      new URLSearchParams(
        'status=&service_code=09006,01001&service_code=09006&attribute[a]=1&attribute[m][]=x&attribute[m][]=y&media_url=u1&media_url=u2',
      ),
    );
    expect(p.one('status')).toBeUndefined();
    expect(p.commaList('status')).toBeUndefined();
    expect(p.commaList('service_code')).toEqual(['09006', '01001']);
    expect(Object.fromEntries(p.attributes())).toEqual({ a: ['1'], m: ['x', 'y'] });
    expect(p.all('media_url')).toEqual(['u1', 'u2']);
    expect(Object.fromEntries(Params.from({ attribute: { a: '2', m: ['p', 'q'] } }).attributes())).toEqual({
      a: ['2'],
      m: ['p', 'q'],
    });
  });

  it('dates: W3C with a zone; a "+" that became a space is put back; nonsense → 400', () => {
    expect(dateParam(Params.from({ d: '2024-03-12T08:00:00 08:00' }), 'd')?.toISOString()).toBe(
      '2024-03-12T00:00:00.000Z',
    );
    expect(dateParam(Params.from({ d: '2024-03-12' }), 'd')?.toISOString()).toBe('2024-03-12T00:00:00.000Z');
    expect(() => dateParam(Params.from({ d: 'last tuesday' }), 'd')).toThrow(/W3C datetime/);
  });

  it('required attributes named in the 400; list values checked against the definition', () => {
    const specs = [
      {
        code: 'filing_condition',
        datatype: 'singlevaluelist' as const,
        required: true,
        values: [{ key: '1', name: '占道' }],
      },
      { code: 'component_code', datatype: 'string' as const, required: false },
    ];
    expect(() => checkAttributes(specs, new Map(), 'en')).toThrow('attribute[filing_condition] is required');
    expect(() => checkAttributes(specs, new Map([['filing_condition', ['2']]]), 'en')).toThrow(/must be one of: 1/);
    expect(() =>
      checkAttributes(
        specs,
        new Map([
          ['filing_condition', ['1']],
          ['component_code', ['123']],
        ]),
        'en',
      ),
    ).toThrow(/17-digit/);
    expect(
      checkAttributes(
        specs,
        new Map([
          ['filing_condition', ['1']],
          ['uprn', ['x']],
        ]),
        'en',
      ),
    ).toEqual([{ code: 'filing_condition', name: 'What is wrong (filing condition)', value: '占道' }]);
  });
});

describe('states (docs/open311.md "Reading requests", "Extensions", "Service request updates")', () => {
  it('open/closed and CitySDK detailed_status', () => {
    expect(['reported', 'handling', 'suspended', 'pending_close'].map(openClosed)).toEqual([
      'open',
      'open',
      'open',
      'open',
    ]);
    expect(['closed', 'voided'].map(openClosed)).toEqual(['closed', 'closed']);
    expect(['reported', 'handling', 'closed', 'voided'].map(detailedStatus)).toEqual([
      'RECEIVED',
      'IN_PROCESS',
      'PROCESSED',
      'REJECTED',
    ]);
  });

  it('mySociety update states from timeline events; posted states in any case', () => {
    const ev = (action: string, fromStatus: string | null, toStatus: string | null, voidReason: string | null = null) =>
      updateState({ action, fromStatus, toStatus, voidReason });
    expect(ev('report', null, 'reported')).toBe('open');
    expect(ev('dispatch', 'pending_dispatch', 'handling')).toBe('in_progress');
    expect(ev('close', 'pending_close', 'closed')).toBe('fixed');
    expect(ev('void', 'reported', 'voided', 'duplicate')).toBe('duplicate');
    expect(ev('void', 'reported', 'voided', 'not_ours')).toBe('not_councils_responsibility');
    expect(ev('reopen', 'closed', 'pending_dispatch')).toBe('reopen');
    expect(ev('rate', 'closed', 'closed')).toBe('unchanged');
    expect(postedUpdateState('IN_PROGRESS')).toBe('in_progress');
    expect(postedUpdateState('SOLVED')).toBeNull();
  });
});
