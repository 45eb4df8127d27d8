/**
 * The 2023 enforcement decisions as a deterministic series (no randomness: every run plans the same 840 cases): the
 * report's 840 decisions and 148,435 yuan in fines, split into on-the-spot fines (简易程序), on-the-spot warnings,
 * first offences closed without a penalty and ordinary-procedure fines, with synthetic parties. The amounts stay
 * inside the starter discretion bands (docs/enforcement.md, "Legal bases and discretion bands") and the summary
 * ceilings (200 yuan for a person, 3,000 for an organisation), so no decision needs an exception.
 */
import { creditCodeCheckChar, idNumberCheckChar } from '../../../common/domain/enforcement-identity.ts';
import { dayOf } from '../spread.ts';
import { addDays } from './common.ts';

export const DECISIONS = 840;
export const FINES_YUAN = 148_435;

export type Violation = 'zdjy' | 'lztx' | 'hwgg' | 'ztps';
export type Level = 'slight' | 'general' | 'serious';
export type Kind =
  /** 简易程序: a fine on the spot, paid within days */
  | 'spot'
  /** 简易程序: a warning on the spot, closed at once */
  | 'warning'
  /** 普通程序: a first offence under the 首违不罚 list, decided without a penalty */
  | 'lenient'
  /** 普通程序: a fine above the summary ceiling (a repeat 占道经营, 渣土抛洒 by a haulier) */
  | 'ordinary';

export interface Party {
  kind: 'person' | 'organisation';
  name: string;
  idNumber?: string;
  creditCode?: string;
}

export interface PlannedCase {
  i: number;
  kind: Kind;
  violation: Violation;
  level: Level;
  decision: 'fine' | 'warning' | 'no_penalty';
  fineYuan: number;
  party: Party;
  source: 'patrol' | 'complaint' | 'hotline';
  facts: string;
  address: string;
  /** the day the case is opened (立案 for the ordinary procedure, the on-the-spot decision otherwise) */
  openedOn: string;
  /** the day of the decision */
  decidedOn: string;
  /** the day the fine is paid, or the case closed when there is nothing to pay */
  settledOn: string;
}

const ROADS = [
  '乾塔路',
  '新冶大道',
  '罗桥路',
  '冶炼路',
  '大冶大道',
  '铜都路',
  '东岳路',
  '金山大道',
  '湛月路',
  '华中路',
];
const SHOPS = ['便利店', '水果店', '烧烤店', '五金店', '早餐店', '服装店', '餐馆', '建材店', '药店', '手机店'];
const HAULIERS = ['鑫达', '宏远', '顺通', '金盛'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙胡朱高林何郭马罗';
const GIVEN = ['建国', '秀英', '志强', '桂兰', '海涛', '小红', '德明', '丽华', '卫军', '春芳', '国伟', '晓敏'];
const GIVEN2 = ['国华', '春梅', '德胜', '玉兰', '文斌', '晓燕'];
/** Persons who break the rules again and again: the spot fines draw on this many street vendors. */
const VENDORS = 360;

/** A synthetic person of 大冶市 (address code 420281) with a valid 公民身份号码; names may repeat, numbers do not. */
export function person(p: number): Party {
  const birth = new Date(Date.UTC(1962 + (p % 38), (p * 5) % 12, 1 + ((p * 7) % 28))).toISOString().slice(0, 10);
  const first17 = `420281${birth.replaceAll('-', '')}${String(p % 1000).padStart(3, '0')}`;
  const given = p % 3 === 0 ? GIVEN2[Math.floor(p / 20) % GIVEN2.length] : GIVEN[Math.floor(p / 20) % GIVEN.length];
  return {
    kind: 'person',
    name: `${SURNAMES[p % SURNAMES.length]}${given}`,
    idNumber: `${first17}${idNumberCheckChar(first17)}`,
  };
}

/** A synthetic organisation with a valid 统一社会信用代码: 92 个体工商户 or 91 企业, registered in 大冶市. */
function organisation(type: '92' | '91', n: number, name: string): Party {
  const first17 = `${type}420281${String(1_000_000_000 + n).slice(1)}`;
  return { kind: 'organisation', name, creditCode: `${first17}${creditCodeCheckChar(first17)}` };
}

function kindOf(i: number): { kind: Kind; violation: Violation; level: Level } {
  if (i % 105 === 20) return { kind: 'ordinary', violation: 'ztps', level: 'general' };
  if (i % 70 === 45) return { kind: 'ordinary', violation: 'zdjy', level: 'serious' };
  if (i % 28 === 10) return { kind: 'lenient', violation: i % 56 === 10 ? 'zdjy' : 'lztx', level: 'slight' };
  if (i % 28 === 3) return { kind: 'warning', violation: 'zdjy', level: 'general' };
  if (i % 21 === 6) return { kind: 'spot', violation: 'hwgg', level: 'general' };
  if (i % 7 === 2) return { kind: 'spot', violation: 'lztx', level: 'general' };
  return { kind: 'spot', violation: 'zdjy', level: 'general' };
}

/** Round amounts as officers write them, inside each band; the hauliers' fines take up the rest of the total. */
function fixedFine(i: number, kind: Kind, violation: Violation): number | null {
  if (kind === 'warning' || kind === 'lenient') return 0;
  if (violation === 'ztps') return null;
  if (kind === 'ordinary') return [300, 400, 500][i % 3] as number;
  if (violation === 'hwgg') return [500, 800, 500, 1000, 600][i % 5] as number;
  if (violation === 'lztx') return [50, 100, 50, 20, 100][(i * 2) % 5] as number;
  return [50, 100, 50, 100, 200, 100, 150][(i * 3) % 7] as number;
}

function partyOf(i: number, kind: Kind, violation: Violation): Party {
  const road = ROADS[(i * 3) % ROADS.length] as string;
  if (violation === 'ztps') {
    const h = Math.floor(i / 105) % HAULIERS.length;
    return organisation('91', 500 + h, `大冶市${HAULIERS[h]}渣土运输有限公司`);
  }
  if (violation === 'hwgg') return organisation('92', 100 + (i % 97), `大冶市${road}${SHOPS[i % SHOPS.length]}`);
  // A first offence is a person never fined before; the others draw on the vendors, who come back.
  return person(kind === 'lenient' ? VENDORS + i : (i * 11) % VENDORS);
}

function factsOf(kind: Kind, violation: Violation, address: string, i: number): string {
  if (kind === 'lenient')
    return violation === 'zdjy'
      ? `首次在${address}门前占道摆摊经营，经教育当场改正，未造成危害后果`
      : `首次在${address}附近的电杆上张贴小广告，经教育当场清除，未造成危害后果`;
  if (violation === 'ztps')
    return `渣土运输车辆（鄂B·${String(10_000 + ((i * 37) % 90_000)).slice(0, 5)}）途经${address}时抛洒滴漏，污染路面约${20 + (i % 60)}平方米`;
  if (violation === 'hwgg') return `未经批准在${address}门店外墙擅自设置户外广告牌`;
  if (violation === 'lztx') return `在${address}附近的公共设施上乱张贴小广告`;
  if (kind === 'ordinary') return `在${address}门前多次占道经营，经责令改正后仍未改正`;
  return `在${address}门前占用人行道摆摊设点经营，影响行人通行`;
}

/** The decisions of a year, in the order they are created (case numbers follow it). */
export function enforcementPlan(year: number): PlannedCase[] {
  const last = `${year}-12-31`;
  const rows = Array.from({ length: DECISIONS }, (_, i) => {
    const { kind, violation, level } = kindOf(i);
    const address = `${ROADS[i % ROADS.length]}${1 + ((i * 37) % 300)}号`;
    const decidedOn = dayOf(year, i, DECISIONS);
    // The ordinary procedure runs about two weeks from 立案 to the decision (never before the year).
    const ordinary = kind === 'ordinary' || kind === 'lenient';
    const openedOn = ordinary ? maxDay(`${year}-01-01`, addDays(decidedOn, -12)) : decidedOn;
    const settledOn = minDay(last, addDays(decidedOn, kind === 'warning' ? 0 : 1 + (i % 6)));
    return {
      i,
      kind,
      violation,
      level,
      decision: kind === 'warning' ? 'warning' : kind === 'lenient' ? 'no_penalty' : 'fine',
      fineYuan: fixedFine(i, kind, violation) ?? 0,
      party: partyOf(i, kind, violation),
      source: i % 13 === 4 ? 'hotline' : i % 5 === 0 ? 'complaint' : 'patrol',
      facts: factsOf(kind, violation, address, i),
      address,
      openedOn,
      decidedOn,
      settledOn,
    } satisfies PlannedCase;
  });
  // The hauliers' fines (渣土抛洒滴漏, 5,000–10,000 yuan) make up the rest of the year's total, in round hundreds but
  // the last.
  const hauls = rows.filter((r) => r.violation === 'ztps');
  let rest = FINES_YUAN - rows.reduce((s, r) => s + r.fineYuan, 0);
  for (const [k, r] of hauls.entries()) {
    r.fineYuan = k < hauls.length - 1 ? [5000, 6000, 8000, 5500, 7000, 6000, 5000][k % 7]! : rest;
    rest -= r.fineYuan;
    if (r.fineYuan < 5000 || r.fineYuan > 10_000) throw new Error(`haulier fine ${r.fineYuan} outside its band`);
  }
  return rows;
}

const maxDay = (a: string, b: string) => (a > b ? a : b);
const minDay = (a: string, b: string) => (a < b ? a : b);
