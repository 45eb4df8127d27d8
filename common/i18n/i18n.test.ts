import { describe, expect, it } from 'vitest';
import { zhCN } from './zh-CN.ts';
import { en } from './en.ts';
import { flattenCatalog, hasMessage, resolveLocale, t, tryT } from './index.ts';
import { PERMISSIONS, ROLES } from '../domain/roles.ts';
import { REGION_KINDS, UNIT_KINDS } from '../domain/org.ts';

const zhFlat = flattenCatalog(zhCN);
const enFlat = flattenCatalog(en);
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('catalogs', () => {
  it('zh-CN and en have exactly the same keys', () => {
    expect(Object.keys(enFlat).sort()).toEqual(Object.keys(zhFlat).sort());
    expect(Object.keys(zhFlat).length).toBeGreaterThan(200);
  });

  it('no message is empty', () => {
    for (const [locale, messages] of Object.entries({ 'zh-CN': zhFlat, en: enFlat })) {
      const empty = Object.entries(messages).filter(([, text]) => text.trim() === '').map(([key]) => `${locale}:${key}`);
      expect(empty).toEqual([]);
    }
  });

  it('both languages use the same placeholders for each key', () => {
    const mismatched = Object.keys(zhFlat).filter(
      (key) => placeholders(zhFlat[key] ?? '').join() !== placeholders(enFlat[key] ?? '').join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('the English catalog is English (only the language menu names Chinese in itself)', () => {
    const chinese = Object.entries(enFlat).filter(([key, text]) => key !== 'lang.zh-CN' && /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(text));
    expect(chinese).toEqual([]);
  });

  it('labels every role, permission, region kind and unit kind of the domain', () => {
    const wanted = [
      ...ROLES.map((r) => `roles.${r}`),
      ...PERMISSIONS.map((p) => `permissions.${p}`),
      ...REGION_KINDS.map((k) => `regionKinds.${k}`),
      ...UNIT_KINDS.map((k) => `unitKinds.${k}`),
    ];
    expect(wanted.filter((key) => !hasMessage(key))).toEqual([]);
  });

  it('has the server error codes', () => {
    const codes = [
      'VALIDATION_FAILED', 'AUTH_INVALID_CREDENTIALS', 'AUTH_LOCKED', 'AUTH_REQUIRED', 'AUTH_CSRF', 'AUTH_FORBIDDEN',
      'AUTH_WRONG_PASSWORD', 'AUTH_PASSWORD_REUSED', 'NOT_FOUND', 'CONFLICT', 'ORG_DUPLICATE_USERNAME',
      'ORG_DUPLICATE_CODE', 'ORG_INVALID_PARENT', 'ORG_UNKNOWN_UNIT', 'ORG_UNKNOWN_REGION', 'ORG_GRANT_NEEDS_UNIT',
      'ORG_REGION_IN_USE', 'ORG_SELF_LOCKOUT', 'RATE_LIMITED', 'INTERNAL', 'BAD_REQUEST',
    ];
    expect(codes.filter((code) => !hasMessage(`errors.${code}`))).toEqual([]);
  });
});

describe('t', () => {
  it('translates and interpolates', () => {
    expect(t('zh-CN', 'roles.shiftLeader')).toBe('值班长');
    expect(t('en', 'roles.shiftLeader')).toBe('Shift leader');
    expect(t('zh-CN', 'errors.AUTH_LOCKED', { minutes: 15 })).toBe('账号已锁定，请15分钟后再试');
    expect(t('en', 'validation.minLength', { limit: 8 })).toBe('At least 8 characters');
  });

  it('leaves a placeholder without a value untouched', () => {
    expect(t('zh-CN', 'errors.AUTH_LOCKED')).toBe('账号已锁定，请{minutes}分钟后再试');
  });

  it('tryT answers undefined for keys the catalog lacks', () => {
    expect(tryT('en', 'errors.NO_SUCH_CODE')).toBeUndefined();
    expect(tryT('en', 'errors.NOT_FOUND')).toBe('The record does not exist or you cannot access it');
    expect(tryT('en', 'errors')).toBeUndefined();
  });

  it('resolves Accept-Language', () => {
    expect(resolveLocale(undefined)).toBe('zh-CN');
    expect(resolveLocale('en-US,en;q=0.9')).toBe('en');
    expect(resolveLocale('fr-FR,en;q=0.5,zh-CN;q=0.8')).toBe('zh-CN');
    expect(resolveLocale('fr')).toBe('zh-CN');
  });
});
