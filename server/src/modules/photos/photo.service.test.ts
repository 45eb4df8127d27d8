import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS } from '../../../../common/domain/roles.ts';

import { AppError } from '../../platform/errors.ts';
import { createTestApp, type TestContext } from '../../testing/test-app.ts';
import type { Actor } from '../auth/index.ts';
import { insertBareCase, portraitJpegWithGps, transparentPng } from '../../testing/photo.fixtures.ts';
import { createPhotoService, type PhotoService } from './photo.service.ts';
import { createTenant } from '../../testing/app-parts.ts';
import { innerJoinCases } from '../cases/index.ts';

/** attachPhotos / photosOfCase as the case service will call them, and access through `canViewCase`. */
let ctx: TestContext;
let photos: PhotoService;
let inspector: Actor;
let operator: Actor;
let stranger: Actor;
const visibleCases = new Set<string>();

async function actorFor(username: string, tenantCode: string): Promise<Actor> {
  const u = await ctx.database.db
    .selectFrom('users')
    .innerJoin('tenants', 'tenants.id', 'users.tenant_id')
    .select(['users.id', 'users.tenant_id', 'users.display_name'])
    .where('users.username', '=', username)
    .where('tenants.code', '=', tenantCode)
    .executeTakeFirstOrThrow();
  return {
    userId: u.id,
    tenantId: u.tenant_id,
    username,
    displayName: u.display_name,
    unitId: null,
    requestId: 'test',
    grants: [{ role: 'inspector', unitId: null, regionId: null }],
    permissions: new Set(ROLE_PERMISSIONS.inspector),
  };
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}

beforeAll(async () => {
  ctx = await createTestApp();
  await createTenant(
    ctx.database.db,
    ctx.clock,
    { code: '420202', name: '黄石港区' },
    { username: 'admin', password: 'Other#2024x' },
  );
  photos = createPhotoService(ctx.database, ctx.clock, ctx.config, {
    canViewCase: async (_actor, caseId) => visibleCases.has(caseId),
    joinCase: innerJoinCases,
  });
  inspector = await actorFor('inspector', '420281');
  operator = await actorFor('operator', '420281');
  stranger = await actorFor('admin', '420202');
});
afterAll(async () => ctx.close());

describe('attachPhotos', () => {
  it("attaches only the caller's own unattached photos, naming each refused index", async () => {
    const mine = await photos.upload(inspector, await portraitJpegWithGps());
    const mine2 = await photos.upload(inspector, await transparentPng());
    const theirs = await photos.upload(operator, await transparentPng());
    const foreign = await photos.upload(stranger, await transparentPng());
    const caseId = await insertBareCase(ctx.database.db, inspector.tenantId, '420281-20240312-90001');

    const err = await refusal(
      ctx.database.db
        .transaction()
        .execute((tx) =>
          photos.attachPhotos(
            tx,
            inspector.tenantId,
            caseId,
            [mine.id, theirs.id, 'no-such-id', foreign.id],
            'before',
            inspector.userId,
          ),
        ),
    );
    expect(err).toMatchObject({ code: 'PHOTO_UNKNOWN', status: 400 });
    expect((err.details as { field: string }[]).map((d) => d.field)).toEqual([
      'body.photoIds.1',
      'body.photoIds.2',
      'body.photoIds.3',
    ]);
    // all or nothing: the good id was not attached either
    expect((await photos.photosOfCase(ctx.database.db, inspector.tenantId, [caseId])).get(caseId)).toEqual([]);

    await ctx.database.db
      .transaction()
      .execute((tx) =>
        photos.attachPhotos(tx, inspector.tenantId, caseId, [mine2.id, mine.id], 'after', inspector.userId),
      );
    const attached = (await photos.photosOfCase(ctx.database.db, inspector.tenantId, [caseId])).get(caseId) ?? [];
    expect(attached.map((p) => [p.id, p.phase])).toEqual([
      [mine.id, 'after'],
      [mine2.id, 'after'],
    ]);

    // already on a case: cannot be attached again, to this case or another
    const other = await insertBareCase(ctx.database.db, inspector.tenantId, '420281-20240312-90002');
    const again = await refusal(
      photos.attachPhotos(ctx.database.db, inspector.tenantId, other, [mine.id], 'before', inspector.userId),
    );
    expect(again.details).toEqual([expect.objectContaining({ field: 'body.photoIds.0' })]);
    // another tenant cannot reach a photo by naming its id
    const cross = await refusal(
      photos.attachPhotos(ctx.database.db, stranger.tenantId, other, [theirs.id], 'before', stranger.userId),
    );
    expect(cross.code).toBe('PHOTO_UNKNOWN');
    await photos.attachPhotos(ctx.database.db, inspector.tenantId, other, [], 'before', inspector.userId);
    expect((await photos.photosOfCase(ctx.database.db, inspector.tenantId, [other])).get(other)).toEqual([]);
  });
});

describe('photosOfCase', () => {
  it('groups the photos of many cases from one call, every case present', async () => {
    const a = await insertBareCase(ctx.database.db, inspector.tenantId, '420281-20240312-90003');
    const b = await insertBareCase(ctx.database.db, inspector.tenantId, '420281-20240312-90004');
    const empty = await insertBareCase(ctx.database.db, inspector.tenantId, '420281-20240312-90005');
    const [p1, p2, p3] = [
      await photos.upload(inspector, await transparentPng()),
      await photos.upload(inspector, await transparentPng()),
      await photos.upload(inspector, await transparentPng()),
    ];
    await photos.attachPhotos(ctx.database.db, inspector.tenantId, a, [p1.id], 'before', inspector.userId);
    await photos.attachPhotos(ctx.database.db, inspector.tenantId, b, [p2.id, p3.id], 'check', inspector.userId);

    const grouped = await photos.photosOfCase(ctx.database.db, inspector.tenantId, [a, b, empty]);
    expect(grouped.get(a)?.map((p) => p.id)).toEqual([p1.id]);
    expect(grouped.get(b)?.map((p) => p.phase)).toEqual(['check', 'check']);
    expect(grouped.get(b)?.[0]).toEqual({
      id: p2.id,
      phase: 'check',
      width: 300,
      height: 200,
      url: `/api/photos/${p2.id}`,
      thumbUrl: `/api/photos/${p2.id}/thumb`,
      createdAt: '2024-03-12T02:00:00.000Z',
    });
    expect(grouped.get(empty)).toEqual([]);
    // scoped by tenant: another tenant asking for these cases gets nothing
    expect((await photos.photosOfCase(ctx.database.db, stranger.tenantId, [a])).get(a)).toEqual([]);
  });
});

describe('file access', () => {
  it('an attached photo follows canViewCase, for the uploader too; an unattached one only its uploader', async () => {
    const caseId = await insertBareCase(ctx.database.db, inspector.tenantId, '420281-20240312-90006');
    const loose = await photos.upload(inspector, await transparentPng());
    const onCase = await photos.upload(inspector, await transparentPng());
    await photos.attachPhotos(ctx.database.db, inspector.tenantId, caseId, [onCase.id], 'before', inspector.userId);

    expect((await photos.file(inspector, loose.id, 'full')).id).toBe(loose.id);
    expect((await refusal(photos.file(operator, loose.id, 'full'))).status).toBe(404);
    expect((await refusal(photos.file(stranger, loose.id, 'thumb'))).status).toBe(404);

    expect((await refusal(photos.file(inspector, onCase.id, 'full'))).status).toBe(404);
    visibleCases.add(caseId);
    const file = await photos.file(operator, onCase.id, 'thumb');
    const { stream, size } = await file.open();
    stream.destroy();
    expect(size).toBeGreaterThan(0);
    expect((await refusal(photos.file(stranger, onCase.id, 'full'))).status).toBe(404);
  });

  it('refuses an actor without case.read', async () => {
    const outsider: Actor = { ...inspector, grants: [], permissions: new Set() };
    expect((await refusal(photos.upload(outsider, await transparentPng()))).status).toBe(403);
  });
});

describe('sweep of unattached uploads', () => {
  it('removes uploads never attached once older than the configured age, files and rows, and keeps the rest', async () => {
    const { stat } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const abandoned = await photos.upload(inspector, await transparentPng());
    const kept = await photos.upload(inspector, await transparentPng());
    const caseId = await insertBareCase(ctx.database.db, inspector.tenantId, '420281-20240312-90077');
    await ctx.database.db
      .transaction()
      .execute((tx) => photos.attachPhotos(tx, inspector.tenantId, caseId, [kept.id], 'before', inspector.userId));
    const row = await ctx.database.db
      .selectFrom('case_photos')
      .select(['path', 'thumb_path', 'created_at'])
      .where('id', '=', abandoned.id)
      .executeTakeFirstOrThrow();
    const onDisk = async (rel: string) =>
      stat(join(ctx.config.dataDir, rel)).then(
        () => true,
        () => false,
      );
    expect(await onDisk(row.path)).toBe(true);

    const uploadedAt = new Date(row.created_at).getTime();
    const hours = ctx.config.photos.unattachedMaxAgeHours;
    expect(hours).toBe(24);
    // Younger than the age: nothing goes.
    await photos.sweep(new Date(uploadedAt + (hours - 1) * 3_600_000));
    expect(await photos.file(inspector, abandoned.id, 'full')).toBeTruthy();

    const swept = await photos.sweep(new Date(uploadedAt + (hours + 1) * 3_600_000));
    expect(swept.removed).toBeGreaterThanOrEqual(1);
    expect(
      await ctx.database.db.selectFrom('case_photos').select('id').where('id', '=', abandoned.id).executeTakeFirst(),
    ).toBeUndefined();
    expect(await onDisk(row.path)).toBe(false);
    expect(await onDisk(row.thumb_path)).toBe(false);
    // The attached photo stays.
    expect(
      (await photos.photosOfCase(ctx.database.db, inspector.tenantId, [caseId])).get(caseId)!.map((p) => p.id),
    ).toEqual([kept.id]);
  });
});
