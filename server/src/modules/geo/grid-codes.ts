/**
 * Standard identifiers, spelled as the standards give them (docs/standards.md, "Identifier formats"):
 * - grid code (单元网格标识码) 15 digits = admin 6 + street 3 + community 3 + serial 3 (DB11/T 2157-2023; the
 *   old CJ/T 213-2005 form had a 2-digit serial, 14 digits, which we upgrade on import);
 * - component id (管理部件标识码, GB/T 47678.5-2026) 17 digits = admin 6 + class 5 (major 2 + minor 3) + serial 6.
 * Segments of all zeros are rejected: street/community 000 does not exist in 统计用区划代码 and serials start at 1.
 */
import type { GeoIssue } from '../../../../common/domain/geo.ts';
import { ADMIN_CODE_RE, CLASS_CODE_RE } from '../../../../common/domain/geo.ts';

export const GRID_SERIAL_MAX = 999;
export const COMPONENT_SERIAL_MAX = 999_999;

export interface GridCodeParts {
  adminCode: string;
  /** 9 digits: admin + street. */
  streetCode: string;
  /** 12 digits: admin + street + community. */
  communityCode: string;
  serial: number;
}

export interface ComponentIdParts {
  adminCode: string;
  /** 5 digits, GB/T 47678.5-2026. */
  classCode: string;
  majorClass: string;
  minorClass: string;
  serial: number;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function validateGridCode(code: unknown, path = 'code'): GeoIssue[] {
  if (typeof code !== 'string' || !/^\d{15}$/.test(code)) {
    return [
      {
        path,
        message: `grid code must be 15 digits (admin 6 + street 3 + community 3 + serial 3), got ${JSON.stringify(code)}`,
      },
    ];
  }
  const issues: GeoIssue[] = [];
  if (!ADMIN_CODE_RE.test(code.slice(0, 6)))
    issues.push({ path, message: `grid code ${code}: digits 1–6 are not an admin code` });
  if (code.slice(6, 9) === '000') issues.push({ path, message: `grid code ${code}: street digits 7–9 cannot be 000` });
  if (code.slice(9, 12) === '000')
    issues.push({ path, message: `grid code ${code}: community digits 10–12 cannot be 000` });
  if (code.slice(12) === '000') issues.push({ path, message: `grid code ${code}: serial digits 13–15 cannot be 000` });
  return issues;
}

export function parseGridCode(code: string): GridCodeParts | null {
  if (validateGridCode(code).length > 0) return null;
  return {
    adminCode: code.slice(0, 6),
    streetCode: code.slice(0, 9),
    communityCode: code.slice(0, 12),
    serial: Number(code.slice(12)),
  };
}

/** `communityCode` is the full 12-digit code (admin + street + community). */
export function buildGridCode(communityCode: string, serial: number): string {
  if (!/^\d{12}$/.test(communityCode)) throw new RangeError(`community code must be 12 digits, got ${communityCode}`);
  if (!Number.isInteger(serial) || serial < 1 || serial > GRID_SERIAL_MAX) {
    throw new RangeError(`grid serial must be 1–${GRID_SERIAL_MAX}, got ${serial}`);
  }
  const code = communityCode + pad(serial, 3);
  const issues = validateGridCode(code);
  if (issues.length > 0) throw new RangeError(issues.map((i) => i.message).join('; '));
  return code;
}

/** CJ/T 213-2005 14-digit code (2-digit serial) → 15 digits; 15-digit codes pass through; anything else is null. */
export function upgradeLegacyGridCode(code: string): string | null {
  const upgraded = /^\d{14}$/.test(code) ? `${code.slice(0, 12)}0${code.slice(12)}` : code;
  return validateGridCode(upgraded).length === 0 ? upgraded : null;
}

export function validateComponentId(id: unknown, path = 'id'): GeoIssue[] {
  if (typeof id !== 'string' || !/^\d{17}$/.test(id)) {
    return [
      { path, message: `component id must be 17 digits (admin 6 + class 5 + serial 6), got ${JSON.stringify(id)}` },
    ];
  }
  const issues: GeoIssue[] = [];
  if (!ADMIN_CODE_RE.test(id.slice(0, 6)))
    issues.push({ path, message: `component id ${id}: digits 1–6 are not an admin code` });
  if (id.slice(6, 8) === '00')
    issues.push({ path, message: `component id ${id}: major class digits 7–8 cannot be 00` });
  if (id.slice(8, 11) === '000')
    issues.push({ path, message: `component id ${id}: minor class digits 9–11 cannot be 000` });
  if (id.slice(11) === '000000')
    issues.push({ path, message: `component id ${id}: serial digits 12–17 cannot be 000000` });
  return issues;
}

export function parseComponentId(id: string): ComponentIdParts | null {
  if (validateComponentId(id).length > 0) return null;
  return {
    adminCode: id.slice(0, 6),
    classCode: id.slice(6, 11),
    majorClass: id.slice(6, 8),
    minorClass: id.slice(8, 11),
    serial: Number(id.slice(11)),
  };
}

export function buildComponentId(adminCode: string, classCode: string, serial: number): string {
  if (!ADMIN_CODE_RE.test(adminCode)) throw new RangeError(`admin code must be 6 digits, got ${adminCode}`);
  if (!CLASS_CODE_RE.test(classCode))
    throw new RangeError(`class code must be 5 digits (GB/T 47678.5), got ${classCode}`);
  if (!Number.isInteger(serial) || serial < 1 || serial > COMPONENT_SERIAL_MAX) {
    throw new RangeError(`component serial must be 1–${COMPONENT_SERIAL_MAX}, got ${serial}`);
  }
  const id = adminCode + classCode + pad(serial, 6);
  const issues = validateComponentId(id);
  if (issues.length > 0) throw new RangeError(issues.map((i) => i.message).join('; '));
  return id;
}
