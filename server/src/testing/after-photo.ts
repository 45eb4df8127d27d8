import sharp from 'sharp';
import { expect } from 'vitest';
import type { Session, TestApp } from './test-app.ts';

let jpeg: Promise<Buffer> | null = null;

/**
 * Uploads one small JPEG as `session` and returns its id: the photo a test names when it reports back or passes a
 * check, which need photos unless the tenant waives them (cases/case-photo-rules.ts).
 */
export async function uploadAfterPhoto(app: TestApp, session: Session): Promise<string> {
  jpeg ??= sharp({ create: { width: 64, height: 48, channels: 3, background: '#40a060' } })
    .jpeg()
    .toBuffer();
  const boundary = '----cityloop-after-photo';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="after.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    ),
    await jpeg,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await app.inject({
    method: 'POST',
    url: '/api/photos',
    payload,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** The steps that carry photos by default (report back, check pass). */
export const needsPhotos = (body: Record<string, unknown>) =>
  (body.action === 'report_back' || body.action === 'check_pass') && body.photoIds === undefined;

/** The body with one fresh after-photo of `session` when the step needs one and the caller named none. */
export async function withAfterPhoto(app: TestApp, session: Session | null, body: Record<string, unknown>) {
  if (!session || !needsPhotos(body)) return body;
  return { ...body, photoIds: [await uploadAfterPhoto(app, session)] };
}
