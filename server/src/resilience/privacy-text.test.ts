import { describe, expect, it } from 'vitest';
import { maskPersonalText } from '../../../common/domain/privacy.ts';
import { logSerializers } from '../platform/log-privacy.ts';

describe('maskPersonalText (logs, audit before/after)', () => {
  it('masks mobile numbers and 18-digit ID numbers inside text, and nothing else', () => {
    expect(maskPersonalText('/api/cases?q=13812345678&page=2')).toBe('/api/cases?q=138****5678&page=2');
    expect(maskPersonalText('身份证 11010119900307451X 已登记')).toBe('身份证 110101********451X 已登记');
    expect(maskPersonalText('case 420281-20240312-00017, grid 420281001001001, component 42028101038000001')).toBe(
      'case 420281-20240312-00017, grid 420281001001001, component 42028101038000001',
    );
    expect(maskPersonalText('office 0714-8720000, 12345 hotline')).toBe('office 0714-8720000, 12345 hotline');
    expect(maskPersonalText('Key (phone)=(13912345678) already exists')).toBe(
      'Key (phone)=(139****5678) already exists',
    );
  });

  it('the log serializers mask the URL and the error text', () => {
    expect(logSerializers.req({ method: 'GET', url: '/api/org/users?q=13912345678' }).url).toBe(
      '/api/org/users?q=139****5678',
    );
    const err = Object.assign(new Error('duplicate 110101199003074512'), { detail: 'Key (phone)=(13912345678)' });
    const out = logSerializers.err(err);
    expect(out.message).toBe('duplicate 110101********4512');
    expect(out.detail).toBe('Key (phone)=(139****5678)');
    expect(out.stack).not.toContain('110101199003074512');
  });
});

describe('non-finite numbers (page=1e309 coerces to Infinity)', () => {
  it('names the first non-finite number in a query or body', async () => {
    const { firstNonFinite } = await import('../platform/finite-numbers.ts');
    expect(firstNonFinite({ page: Infinity }, 'query')).toBe('query.page');
    expect(firstNonFinite({ a: [1, { b: -Infinity }] }, 'body')).toBe('body.a[1].b');
    expect(firstNonFinite({ page: 2, q: 'x' }, 'query')).toBeNull();
    expect(firstNonFinite(Buffer.alloc(1_000_000), 'body')).toBeNull();
  });
});
