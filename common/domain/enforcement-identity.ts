/**
 * Check characters of the two identifiers a party (当事人) of an enforcement case carries: the 18-digit 公民身份号码
 * (GB 11643-1999, ISO 7064 MOD 11-2) and the 18-character 统一社会信用代码 (GB 32100-2015, modulus 31). The
 * weights and alphabets are written out in docs/enforcement.md, "Check characters".
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = '10X98765432';

/** The check character of the first 17 digits of an ID number, or null when they are not 17 digits. */
export function idNumberCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

/** Upper-cases a trailing x and drops surrounding spaces: how the number is stored and compared. */
export function normalizeIdNumber(value: string): string {
  return value.trim().toUpperCase();
}

/**
 * Why an ID number is not valid, or null when it is: 18 characters, a real birth date (not in the future is left to
 * the caller: the standard only fixes the format), and the right check character.
 */
export function idNumberProblem(raw: string): 'format' | 'birthDate' | 'checkChar' | null {
  const value = normalizeIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(value)) return 'format';
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return 'birthDate';
  }
  return idNumberCheckChar(value.slice(0, 17)) === value[17] ? null : 'checkChar';
}

export const isValidIdNumber = (raw: string): boolean => idNumberProblem(raw) === null;

/** 0-9 A-H J-N P-R T U W-Y: the 31 characters of GB 32100 (no I, O, S, V, Z), in value order 0…30. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The check character of the first 17 characters of a credit code, or null when one is outside the alphabet. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_ALPHABET.indexOf(first17[i]!);
    if (v < 0) return null;
    sum += v * CREDIT_WEIGHTS[i]!;
  }
  const check = 31 - (sum % 31);
  return CREDIT_CODE_ALPHABET[check === 31 ? 0 : check]!;
}

export function normalizeCreditCode(value: string): string {
  return value.trim().toUpperCase();
}

/** Why a 统一社会信用代码 is not valid, or null when it is. */
export function creditCodeProblem(raw: string): 'format' | 'checkChar' | null {
  const value = normalizeCreditCode(raw);
  if (value.length !== 18 || [...value].some((c) => !CREDIT_CODE_ALPHABET.includes(c))) return 'format';
  // The 6-digit administrative division code (positions 3–8) is digits only.
  if (!/^\d{6}$/.test(value.slice(2, 8))) return 'format';
  return creditCodeCheckChar(value.slice(0, 17)) === value[17] ? null : 'checkChar';
}

export const isValidCreditCode = (raw: string): boolean => creditCodeProblem(raw) === null;

/**
 * An ID number as shown to anyone but the case's officers: the region's first 3 digits and the last character, so
 * two parties can still be told apart on a list without revealing the birth date (docs/enforcement.md, "Parties").
 */
export function maskIdNumber(value: string): string {
  const v = normalizeIdNumber(value);
  if (v.length < 8) return '*'.repeat(v.length);
  return `${v.slice(0, 3)}${'*'.repeat(v.length - 4)}${v.slice(-1)}`;
}
