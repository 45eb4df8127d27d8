import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';
import {
  heicLike,
  insertBareCase,
  oversizePng,
  portraitJpegWithGps,
  textRenamedJpg,
  transparentPng,
} from '../../testing/photo.fixtures.ts';
import { MAX_PHOTO_BYTES } from './photo.errors.ts';
import { createTenant } from '../../testing/app-parts.ts';

let ctx: TestContext;
let inspector: Session;
let operator: Session;
let otherCity: Session;
beforeAll(async () => {
  ctx = await createTestApp();
  await createTenant(
    ctx.database.db,
    ctx.clock,
    { code: '420202', name: '黄石港区' },
    { username: 'admin', password: 'Other#2024x' },
  );
  inspector = await login(ctx.app, 'inspector', 'Demo@12345', '420281');
  operator = await login(ctx.app, 'operator', 'Demo@12345', '420281');
  otherCity = await login(ctx.app, 'admin', 'Other#2024x', '420202');
});
afterAll(async () => ctx.close());

interface FilePart {
  field?: string;
  name?: string;
  type?: string;
  data: Buffer;
}

/** A multipart/form-data request, as a browser's <input type=file> sends it. */
function upload(session: Session, files: FilePart[], extraHeaders: Record<string, string> = {}) {
  const boundary = `----cityloop${Date.now().toString(16)}`;
  const parts = files.flatMap((f) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${f.field ?? 'file'}"; filename="${f.name ?? 'photo.jpg'}"\r\nContent-Type: ${f.type ?? 'image/jpeg'}\r\n\r\n`,
    ),
    f.data,
    Buffer.from('\r\n'),
  ]);
  return ctx.app.inject({
    method: 'POST',
    url: '/api/photos',
    payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      ...extraHeaders,
    },
  });
}

describe('POST /api/photos', () => {
  it('stores an upright JPEG without EXIF and a thumbnail under data/photos/<tenant>/<yyyy>/<mm>/', async () => {
    const res = await upload(inspector, [{ data: await portraitJpegWithGps() }]);
    expect(res.statusCode).toBe(201);
    const photo = res.json();
    expect(photo).toMatchObject({
      width: 200,
      height: 400,
      phase: 'before',
      url: `/api/photos/${photo.id}`,
      thumbUrl: `/api/photos/${photo.id}/thumb`,
    });

    const tenantId = (await as(ctx.app, inspector).get('/api/auth/me')).json().user.tenantId;
    const dir = join(ctx.config.dataDir, 'photos', tenantId, '2024', '03');
    expect(readdirSync(dir).sort()).toEqual([`${photo.id}.jpg`, `${photo.id}_thumb.jpg`]);
    const stored = readFileSync(join(dir, `${photo.id}.jpg`));
    const meta = await sharp(stored).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 200, height: 400 });
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    const thumb = await sharp(readFileSync(join(dir, `${photo.id}_thumb.jpg`))).metadata();
    expect(Math.max(thumb.width, thumb.height)).toBeLessThanOrEqual(320);

    const row = await ctx.database.db
      .selectFrom('case_photos')
      .selectAll()
      .where('id', '=', photo.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      case_id: null,
      mime: 'image/jpeg',
      bytes: stored.length,
      path: `photos/${tenantId}/2024/03/${photo.id}.jpg`,
    });
    expect(row.sha256).toBe(createHash('sha256').update(stored).digest('hex'));
  });

  it('a retried upload with the same Idempotency-Key returns the first photo, not a second one', async () => {
    const data = await portraitJpegWithGps();
    const first = await upload(inspector, [{ data }], { 'idempotency-key': 'photo-retry-0001' });
    const again = await upload(inspector, [{ data }], { 'idempotency-key': 'photo-retry-0001' });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    const other = await upload(inspector, [{ data }], { 'idempotency-key': 'photo-retry-0002' });
    expect(other.json().id).not.toBe(first.json().id);
  });

  it('accepts a PNG by its content and stores it as JPEG', async () => {
    const res = await upload(operator, [{ data: await transparentPng(), name: 'screenshot.png', type: 'image/png' }]);
    expect(res.statusCode).toBe(201);
    const img = await as(ctx.app, operator).get(res.json().url);
    expect(img.headers['content-type']).toBe('image/jpeg');
    expect((await sharp(img.rawPayload).metadata()).format).toBe('jpeg');
  });

  it('refuses a text file named .jpg (415), whatever its declared type', async () => {
    const res = await upload(inspector, [{ data: textRenamedJpg(), name: 'photo.jpg', type: 'image/jpeg' }]);
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('PHOTO_UNSUPPORTED_TYPE');
  });

  it('refuses an iPhone HEIC with its own code and a message saying to send JPEG, in both languages', async () => {
    const zh = await upload(inspector, [{ data: await heicLike(), name: 'IMG_0001.HEIC', type: 'image/heic' }]);
    expect(zh.statusCode).toBe(415);
    expect(zh.json().error.code).toBe('PHOTO_HEIC_UNSUPPORTED');
    expect(zh.json().error.message).toContain('JPEG');
    expect(zh.json().error.message).toContain('HEIC');
    const en = await upload(inspector, [{ data: await heicLike(), name: 'IMG_0001.HEIC', type: 'image/heic' }], {
      'accept-language': 'en',
    });
    expect(en.json().error.message).toMatch(/HEIC.*JPEG/);
  });

  it('refuses a file over 10 MB (413), by declared length or while reading, and stores nothing', async () => {
    const count = async () =>
      Number(
        (
          await ctx.database.db
            .selectFrom('case_photos')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const big = await oversizePng(MAX_PHOTO_BYTES + 256 * 1024);
    const declared = await upload(inspector, [{ data: big, name: 'big.png', type: 'image/png' }]);
    expect(declared.statusCode).toBe(413);
    expect(declared.json().error).toMatchObject({ code: 'PHOTO_TOO_LARGE', details: { maxBytes: MAX_PHOTO_BYTES } });
    // One byte over: the request envelope is within bounds, so the multipart parser's own limit must catch it.
    const justOver = Buffer.concat([big.subarray(0, MAX_PHOTO_BYTES), Buffer.from([0])]);
    const streamed = await upload(inspector, [{ data: justOver, name: 'big.png', type: 'image/png' }]);
    expect(streamed.statusCode).toBe(413);
    expect(streamed.json().error.code).toBe('PHOTO_TOO_LARGE');
    expect(await count()).toBe(before);
  });

  it('names body.file when the file is missing, in another field, or not alone', async () => {
    const none = await as(ctx.app, inspector).post('/api/photos', {});
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details[0].field).toBe('body.file');
    const wrongField = await upload(inspector, [{ field: 'image', data: await transparentPng() }]);
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json().error.details[0]).toMatchObject({ field: 'body.file', rule: 'required' });
    const two = await upload(inspector, [{ data: await transparentPng() }, { data: await transparentPng() }]);
    expect(two.statusCode).toBe(400);
    expect(two.json().error.details[0]).toMatchObject({ field: 'body.file', rule: 'maxItems' });
  });

  it('needs a session and the CSRF token', async () => {
    const anon = await ctx.app.inject({ method: 'POST', url: '/api/photos', payload: {} });
    expect(anon.statusCode).toBe(401);
    const noCsrf = await ctx.app.inject({
      method: 'POST',
      url: '/api/photos',
      payload: {},
      headers: { cookie: inspector.cookie },
    });
    expect(noCsrf.statusCode).toBe(403);
  });
});

describe('GET /api/photos/:id', () => {
  let photo: { id: string; url: string; thumbUrl: string };
  beforeAll(async () => {
    photo = (await upload(inspector, [{ data: await portraitJpegWithGps() }])).json();
  });

  it('serves the uploader the photo and thumbnail, privately cached with the sha256 as ETag', async () => {
    const res = await as(ctx.app, inspector).get(photo.url);
    expect(res.statusCode).toBe(200);
    expect(res.headers).toMatchObject({ 'content-type': 'image/jpeg', 'cache-control': 'private, max-age=86400' });
    expect(res.headers.etag).toBe(`"${createHash('sha256').update(res.rawPayload).digest('hex')}"`);
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
    expect((await sharp(res.rawPayload).metadata()).exif).toBeUndefined();

    const again = await as(ctx.app, inspector).get(photo.url, { 'if-none-match': String(res.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);

    const head = await ctx.app.inject({ method: 'HEAD', url: photo.url, headers: { cookie: inspector.cookie } });
    expect([head.statusCode, head.headers.etag, head.rawPayload.length]).toEqual([200, res.headers.etag, 0]);

    const thumb = await as(ctx.app, inspector).get(photo.thumbUrl);
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers.etag).not.toBe(res.headers.etag);
    const meta = await sharp(thumb.rawPayload).metadata();
    expect(Math.max(meta.width, meta.height)).toBeLessThanOrEqual(320);
  });

  it('another user of the same city gets the same 404 as for a missing photo', async () => {
    const other = await as(ctx.app, operator).get(photo.url);
    const missing = await as(ctx.app, operator).get('/api/photos/no-such-photo');
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe(missing.json().error.code);
    expect((await as(ctx.app, operator).get(photo.thumbUrl)).statusCode).toBe(404);
    // A cached-copy probe learns nothing either.
    const etag = (await as(ctx.app, inspector).get(photo.url)).headers.etag;
    expect((await as(ctx.app, operator).get(photo.url, { 'if-none-match': String(etag) })).statusCode).toBe(404);
  });

  it('another city gets 404, and anonymous callers 401', async () => {
    expect((await as(ctx.app, otherCity).get(photo.url)).statusCode).toBe(404);
    expect((await as(ctx.app, otherCity).get(photo.thumbUrl)).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: photo.url })).statusCode).toBe(401);
  });

  it("once on a case, access follows the case module's canView, not the upload; other cities still get 404", async () => {
    const session = await ctx.app.services.auth.resolveSession(inspector.cookie.replace(/^cityloop_sid=/, ''));
    if (!session) throw new Error('no session');
    const actor = { ...session.actor, requestId: 'test' };
    const caseId = await insertBareCase(ctx.database.db, actor.tenantId, '420281-20240312-90001');
    await ctx.app.services.photos.attachPhotos(
      ctx.database.db,
      actor.tenantId,
      caseId,
      [photo.id],
      'before',
      actor.userId,
    );
    const expected = (await ctx.app.services.cases.canView(actor, caseId)) ? 200 : 404;
    expect((await as(ctx.app, inspector).get(photo.url)).statusCode).toBe(expected);
    expect((await as(ctx.app, otherCity).get(photo.url)).statusCode).toBe(404);
  });

  it('a file lost from disk is a logged server fault, not a silent 404', async () => {
    const lost = (await upload(inspector, [{ data: await transparentPng() }])).json();
    const row = await ctx.database.db
      .selectFrom('case_photos')
      .select('path')
      .where('id', '=', lost.id)
      .executeTakeFirstOrThrow();
    rmSync(join(ctx.config.dataDir, row.path));
    expect((await as(ctx.app, inspector).get(lost.url)).statusCode).toBe(500);
  });
});
