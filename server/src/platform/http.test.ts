import { parse } from 'content-disposition';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { ErrorBody } from '../../../common/contracts/common.ts';
import { attachment, errorResponses, sendDownload } from './http.ts';

describe('errorResponses', () => {
  it('maps each listed status, and only those, to the error body schema', () => {
    expect(errorResponses(400, 404, 409)).toEqual({ 400: ErrorBody, 404: ErrorBody, 409: ErrorBody });
    expect(Object.keys(errorResponses(401))).toEqual(['401']);
  });
});

describe('attachment', () => {
  it('sends an ASCII name as it is', () => {
    expect(attachment('components.csv')).toBe('attachment; filename=components.csv');
    expect(parse(attachment('420281-community.geojson')).parameters).toEqual({ filename: '420281-community.geojson' });
  });

  it('sends a Chinese name as UTF-8 filename* (RFC 5987) with an ASCII fallback', () => {
    const header = attachment('立结案标准.xlsx', { fallback: 'filing-conditions.xlsx' });
    expect(header).toBe(
      `attachment; filename=filing-conditions.xlsx; filename*=UTF-8''${encodeURIComponent('立结案标准.xlsx')}`,
    );
    expect(parse(header)).toEqual({ type: 'attachment', parameters: { filename: '立结案标准.xlsx' } });
    // Without a chosen fallback every client still gets a valid Latin-1 header and the full name in filename*.
    expect(parse(attachment('案件列表.xlsx')).parameters.filename).toBe('案件列表.xlsx');
    expect(attachment('案件列表.xlsx')).not.toMatch(/[^\x20-\x7e]/);
  });

  it('escapes quotes and keeps mixed names intact', () => {
    const header = attachment('a "quoted" name.xlsx');
    expect(header).toBe('attachment; filename="a \\"quoted\\" name.xlsx"');
    expect(parse(header).parameters.filename).toBe('a "quoted" name.xlsx');
    expect(parse(attachment('报表 "2024" Q1.docx')).parameters.filename).toBe('报表 "2024" Q1.docx');
  });

  it('marks inline files', () => {
    expect(attachment('0190.jpg', { inline: true })).toBe('inline; filename=0190.jpg');
  });
});

describe('sendDownload', () => {
  it('sends the body with its type and a Content-Disposition Node accepts for a Chinese name', async () => {
    const app = Fastify();
    app.get('/file', async (_req, reply) =>
      sendDownload(reply, {
        filename: '热线工单导入模板.xlsx',
        fallback: 'hotline-orders.xlsx',
        contentType: 'text/csv; charset=utf-8',
        body: 'a,b\n',
      }),
    );
    const res = await app.inject({ method: 'GET', url: '/file' });
    await app.close();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(parse(String(res.headers['content-disposition']))).toEqual({
      type: 'attachment',
      parameters: { filename: '热线工单导入模板.xlsx' },
    });
    expect(res.body).toBe('a,b\n');
  });
});
