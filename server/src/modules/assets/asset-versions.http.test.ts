import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffSessions } from '../../testing/case-loop.ts';
import { as, createTestApp, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * Two people editing one asset or asset type (docs/conventions.md, "Concurrent edits"): each edit sends the version
 * it read; the second of two edits from the same version is 409 with a clear text, never a silent overwrite.
 */
let ctx: TestContext;
let s: Record<string, Session>;
const api = (who: string) => as(ctx.app, s[who]!);

beforeAll(async () => {
  ctx = await createTestApp();
  s = await staffSessions(ctx.app);
}, 120_000);
afterAll(async () => ctx.close());

describe('optimistic versions on the registers', () => {
  it('refuses the second of two asset edits from the same version with 409 ASSET_STALE', async () => {
    const page = (await api('admin').get('/api/assets/items?line=municipal&pageSize=1')).json();
    const asset = page.items[0] as { id: string; name: string; version: number };
    expect(asset.version).toBeGreaterThanOrEqual(1);
    const first = await api('admin').patch(`/api/assets/items/${asset.id}`, {
      name: '甲的改名',
      version: asset.version,
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().version).toBe(asset.version + 1);
    const second = await api('admin').patch(`/api/assets/items/${asset.id}`, {
      name: '乙的改名',
      version: asset.version,
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('ASSET_STALE');
    expect(second.json().error.message).toContain('已被他人修改');
    const en = await api('admin').patch(
      `/api/assets/items/${asset.id}`,
      { name: '乙的改名', version: asset.version },
      { 'accept-language': 'en' },
    );
    expect(en.json().error.message).toContain('Someone else changed this facility');
    expect((await api('admin').get(`/api/assets/items/${asset.id}`)).json().name).toBe('甲的改名');
    // without a version (a script) the edit applies and still moves the version on
    const plain = await api('admin').patch(`/api/assets/items/${asset.id}`, { address: '金湖大道' });
    expect(plain.statusCode, plain.body).toBe(200);
    expect(plain.json().version).toBe(asset.version + 2);
    expect(
      (await api('admin').patch(`/api/assets/items/${asset.id}`, { name: 'x', version: asset.version + 1 })).statusCode,
    ).toBe(409);
    expect((await api('admin').patch(`/api/assets/items/${asset.id}`, { name: 'x', version: 0 })).statusCode).toBe(400);
  });

  it('refuses the second of two type edits from the same version with 409 ASSET_TYPE_STALE', async () => {
    const types = (await api('admin').get('/api/assets/types?line=municipal')).json().items as {
      id: string;
      version: number;
    }[];
    const type = types[0]!;
    const first = await api('admin').patch(`/api/assets/types/${type.id}`, { nameEn: 'A', version: type.version });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().version).toBe(type.version + 1);
    const second = await api('admin').patch(`/api/assets/types/${type.id}`, { nameEn: 'B', version: type.version });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('ASSET_TYPE_STALE');
    const audit = await api('admin').get('/api/audit?action=asset_type.update');
    expect(JSON.stringify(audit.json())).not.toContain('"nameEn":"B"');
  });
});
