import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS } from './common-passwords.ts';
import { passwordProblems } from './password-policy.ts';

describe('password policy', () => {
  it('refuses the passwords the old 8-character rule let through', () => {
    expect(passwordProblems('password')).toEqual(['passwordLength', 'passwordClasses', 'passwordCommon']);
    expect(passwordProblems('12345678')).toEqual(['passwordLength', 'passwordClasses', 'passwordCommon']);
  });

  it('needs 10 characters and three of lower, upper, digit, symbol', () => {
    expect(passwordProblems('Ab#1xyz')).toEqual(['passwordLength']);
    expect(passwordProblems('abcdefghij12')).toEqual(['passwordClasses']);
    expect(passwordProblems('Mountain#river')).toEqual([]);
    expect(passwordProblems('mountain#river9')).toEqual([]);
    expect(passwordProblems('城管执法mountain9')).toEqual([]);
  });

  it('refuses a password containing the username, in any case', () => {
    expect(passwordProblems('Xdispatcher#9', { username: 'dispatcher' })).toEqual(['passwordUsername']);
    expect(passwordProblems('DISPATCHER#99', { username: 'Dispatcher' })).toEqual(['passwordUsername']);
    expect(passwordProblems('Tidy#River42', { username: 'dispatcher' })).toEqual([]);
  });

  it('refuses common passwords, Chinese favourites included, and them with digits or symbols appended', () => {
    for (const p of [
      '123456789a',
      'qwertyuiop',
      'woaini1314',
      'Aa123456789',
      'P@ssw0rd123',
      'Sunshine#2024',
      'Qwerty123!',
    ]) {
      expect(passwordProblems(p), p).toContain('passwordCommon');
    }
    expect(passwordProblems('Lamp#2024x')).toEqual([]);
  });

  it('ships a lower-case list without duplicates', () => {
    expect(COMMON_PASSWORDS.every((p) => p === p.toLowerCase())).toBe(true);
    expect(new Set(COMMON_PASSWORDS).size).toBe(COMMON_PASSWORDS.length);
  });
});
