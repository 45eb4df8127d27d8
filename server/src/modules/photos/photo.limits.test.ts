import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS } from '../../../../common/domain/roles.ts';
import { AppError } from '../../platform/errors.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';
import type { Actor } from '../auth/index.ts';
import { pixelBombPng, transparentPng } from '../../testing/photo.fixtures.ts';
import { normalisePhoto } from './photo.image.ts';
import { createPhotoService } from './photo.service.ts';
import { innerJoinCases } from '../cases/index.ts';

/**
 * The limits around image work: no database transaction while an image is decoded, a bounded number decoded at
 * once, a lower pixel cap for anonymous uploads, and a per-user upload rate for staff.
 */
let ctx: TestContext;
let inspector: Session;
let operator: Session;
let actor: Actor;
// More images in processing at once than the PostgreSQL test pool has connections (5), so a transaction per image
// would leave none for anyone else; SQLite has one connection in all.
const IN_FLIGHT = 6;

beforeAll(async () => {
  ctx = await createTestApp({
    env: { PHOTO_PROCESSING_CONCURRENCY: String(IN_FLIGHT), PHOTO_UPLOADS_PER_MINUTE_USER: '3' },
  });
  inspector = await login(ctx.app, 'inspector', 'Demo@12345');
  operator = await login(ctx.app, 'operator', 'Demo@12345');
  const u = await ctx.database.db
    .selectFrom('users')
    .select(['id', 'tenant_id', 'display_name'])
    .where('username', '=', 'inspector')
    .executeTakeFirstOrThrow();
  actor = {
    userId: u.id,
    tenantId: u.tenant_id,
    username: 'inspector',
    displayName: u.display_name,
    unitId: null,
    requestId: 'test',
    grants: [{ role: 'inspector', unitId: null, regionId: null }],
    permissions: new Set(ROLE_PERMISSIONS.inspector),
  };
});
afterAll(async () => ctx.close());

/** An image step that holds every upload until `release`, reporting when `count` of them are inside it. */
function heldImageStep(count: number) {
  let inside = 0;
  let allInside!: () => void;
  let release!: () => void;
  const arrived = new Promise<void>((r) => (allInside = r));
  const gate = new Promise<void>((r) => (release = r));
  const normalise = async (data: Buffer, maxPixels: number) => {
    if (++inside === count) allInside();
    await gate;
    return normalisePhoto(data, maxPixels);
  };
  return { normalise, arrived, release };
}

function multipart(data: Buffer) {
  const boundary = 'limitsboundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const staffUpload = (session: Session, data: Buffer) => {
  const { payload, headers } = multipart(data);
  return ctx.app.inject({
    method: 'POST',
    url: '/api/photos',
    payload,
    headers: { ...headers, cookie: session.cookie, 'x-csrf-token': session.csrf },
  });
};

const photoFiles = (tenantId: string) => readdirSync(join(ctx.config.dataDir, 'photos', tenantId, '2024', '03'));

describe('image work outside the database transaction', () => {
  it('while uploads are being decoded, another request still writes to the database', async () => {
    const step = heldImageStep(IN_FLIGHT);
    const photos = createPhotoService(ctx.database, ctx.clock, ctx.config, {
      canViewCase: async () => false,
      joinCase: innerJoinCases,
      normalise: step.normalise,
    });
    const png = await transparentPng();
    const uploads = Array.from({ length: IN_FLIGHT }, () => photos.upload(actor, png));
    await step.arrived;
    // Every upload is inside its image step now. A transaction opened around it would hold SQLite's only connection
    // (or every pooled PostgreSQL connection), and this write would wait for the images: here it must complete first.
    const created = await as(ctx.app, inspector).post('/api/cases', {
      matterCode: '09006',
      description: '照片处理期间的其它写入',
      lng: 114.975,
      lat: 30.1,
    });
    expect(created.statusCode, created.body).toBe(201);
    step.release();
    const stored = await Promise.all(uploads);
    expect(new Set(stored.map((p) => p.id)).size).toBe(IN_FLIGHT);
  });

  it('a concurrent retry with the same Idempotency-Key returns the first photo and leaves no stray files', async () => {
    const step = heldImageStep(2);
    const photos = createPhotoService(ctx.database, ctx.clock, ctx.config, {
      canViewCase: async () => false,
      joinCase: innerJoinCases,
      normalise: step.normalise,
    });
    const png = await transparentPng(120, 80);
    const before = photoFiles(actor.tenantId).length;
    const both = [photos.upload(actor, png, 'same-key-0001'), photos.upload(actor, png, 'same-key-0001')];
    await step.arrived;
    step.release();
    const [a, b] = await Promise.all(both);
    expect(b?.id).toBe(a?.id);
    // One photo and its thumbnail; the loser's files were removed.
    expect(photoFiles(actor.tenantId).length - before).toBe(2);
  });

  it('beyond the slots and the waiting line, an upload is refused at once with 503', async () => {
    const tight = await createTestApp({
      seed: false,
      env: { PHOTO_PROCESSING_CONCURRENCY: '1', PHOTO_PROCESSING_QUEUE: '1' },
    });
    try {
      const step = heldImageStep(1);
      const photos = createPhotoService(tight.database, tight.clock, tight.config, {
        canViewCase: async () => false,
        joinCase: innerJoinCases,
        normalise: step.normalise,
      });
      const png = await transparentPng();
      const tenantId = 'no-tenant-needed';
      const running = photos.uploadExternal(tenantId, png, null, 'device-a');
      await step.arrived;
      const waiting = photos.uploadExternal(tenantId, png, null, 'device-b');
      const refused = await photos.uploadExternal(tenantId, png, null, 'device-c').then(
        () => null,
        (e: unknown) => e,
      );
      expect(refused).toBeInstanceOf(AppError);
      expect(refused).toMatchObject({ code: 'PHOTO_BUSY', status: 503, details: { retryAfterSeconds: 5 } });
      step.release();
      // The two admitted uploads finish (their rows fail for the unknown tenant; what matters is that they ran).
      await Promise.allSettled([running, waiting]);
    } finally {
      await tight.close();
    }
  });
});

describe('pixel caps and upload rates', () => {
  it('an anonymous upload over the public pixel cap is a 413 naming the cap; staff have a higher cap', async () => {
    const bomb = pixelBombPng(8000, 6000); // 48 megapixels in a few bytes
    const { payload, headers } = multipart(bomb);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/public/photos',
      payload,
      headers: { ...headers, 'x-device-id': 'pixel-cap-device-01' },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({
      code: 'PHOTO_TOO_MANY_PIXELS',
      details: { field: 'body.file', maxMegapixels: 40, megapixels: 48 },
    });
    expect(res.json().error.message).toContain('40');
    const en = await ctx.app.inject({
      method: 'POST',
      url: '/api/public/photos',
      payload,
      headers: { ...headers, 'x-device-id': 'pixel-cap-device-01', 'accept-language': 'en' },
    });
    expect(en.json().error.message).toBe('The photo has too many pixels (48 megapixels; at most 40 megapixels)');
    // Under the staff cap (100 Mpx) the same header passes the size check and fails only as the empty image it is.
    const staff = await staffUpload(operator, bomb);
    expect(staff.json().error.code).toBe('PHOTO_UNREADABLE');
  });

  it('a staff member gets 429 past the uploads per minute; another user is not affected', async () => {
    const png = await transparentPng(60, 40);
    const statuses: number[] = [];
    for (let k = 0; k < 3; k += 1) statuses.push((await staffUpload(inspector, png)).statusCode);
    expect(statuses).toEqual([201, 201, 201]);
    const limited = await staffUpload(inspector, png);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect(limited.headers['retry-after']).toBeDefined();
    expect((await staffUpload(operator, png)).statusCode).toBe(201);
  });
});
