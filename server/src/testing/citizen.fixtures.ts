import { portraitJpegWithGps } from './photo.fixtures.ts';
import type { TestApp } from './test-app.ts';

/** Test helpers: a multipart/form-data body with one photo in the field `file`, as the citizen H5 sends it. */
export function multipart(data: Buffer) {
  const boundary = 'citizenboundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function uploadPublicPhoto(app: TestApp, headers: Record<string, string> = {}) {
  const { payload, headers: h } = multipart(await portraitJpegWithGps());
  return app.inject({ method: 'POST', url: '/api/public/photos', payload, headers: { ...h, ...headers } });
}
