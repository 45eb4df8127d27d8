import { expect, type APIRequestContext } from '@playwright/test';
import sharp from 'sharp';

/**
 * A report back or a check pass sent through the API carries one uploaded photo: both need photos unless the tenant
 * waives them per matter class (docs/standards.md, "After-photos"). Returns the body to send.
 */
export async function withAfterPhoto(
  request: APIRequestContext,
  headers: Record<string, string>,
  body: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  if ((body.action !== 'report_back' && body.action !== 'check_pass') || body.photoIds !== undefined) return body;
  const buffer = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#40a060' } })
    .jpeg()
    .toBuffer();
  const res = await request.post('/api/photos', {
    headers,
    multipart: { file: { name: 'after.jpg', mimeType: 'image/jpeg', buffer } },
  });
  expect(res.status(), `photo upload: ${await res.text()}`).toBe(201);
  return { ...body, photoIds: [((await res.json()) as { id: string }).id] };
}
