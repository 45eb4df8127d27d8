/** Personal data is masked in lists and logs (brief: security). Full values are shown only on detail views to those allowed. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null;
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** 18-digit resident ID: keep the first 6 (region) and last 4. */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return id ?? null;
  if (id.length <= 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

const MOBILE_IN_TEXT = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;
const ID_IN_TEXT = /(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[0-9Xx])(?![0-9A-Za-z])/g;

/** Mobile numbers and 18-digit resident ID numbers inside free text (URLs, error messages) masked for logs. */
export function maskPersonalText(text: string): string {
  return text.replace(ID_IN_TEXT, '$1********$2').replace(MOBILE_IN_TEXT, '$1****$2');
}

/*
 * Public output (docs/security.md "Public output"): free text that anyone may read is masked harder than logs.
 * Every character of a personal number is hidden (a log keeps region and last digits for support staff; the
 * public gets nothing to match against), and house-level addresses keep their road but lose the numbers.
 */
const hide = (s: string) => s.replace(/[0-9A-Za-z０-９]/g, '*');
/** Each pattern starts only where a run starts (a lookbehind), so a long run costs linear time, not quadratic. */
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/** 18-digit resident ID (check character X) and the older 15-digit form. */
const ID_NUMBER = /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;
/** Mainland mobiles, optionally +86, written whole or in 3-4-4 groups. */
const MOBILE = /(?<![\d+])(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2}(?!\d)/g;
/** Landlines with an area code: 0714-8720000, (027)87654321, 027 8765 4321, with an extension. */
const LANDLINE =
  /(?<!\d)(?:[(（]0\d{2,3}[)）]|0\d{2,3})[-\s－]?\d{3,4}[-\s]?\d{4}(?:\s*(?:-|转|ext\.?)\s*\d{1,6})?(?!\d)/gi;
/** A bare 7–8 digit number right after a word that introduces a phone number. */
const KEYWORD_PHONE =
  /((?:电话|座机|固话|手机|联系方式|联系|致电|拨打|热线|tel|phone)[:：\s]*)(\d{3,4}[-\s]?\d{4})(?!\d)/gi;
/** Any other run of 11+ digits (bank cards, account and ID-like numbers). */
const LONG_NUMBER = /(?<!\d)\d{11,}(?!\d)/g;
/**
 * Vehicle plates: province character, issuing letter, 5 characters (6 for new-energy plates), optional class
 * character (学, 挂, 警 …). The body must hold a digit, so words after a province name are not taken for plates.
 */
const PLATE =
  /([京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼])([A-HJ-NP-Z][·•.\s-]?(?=[A-HJ-NP-Z0-9]{0,5}\d)(?:[A-HJ-NP-Z0-9]{4}[挂学警港澳领试超使]|[A-HJ-NP-Z0-9]{5,6}))(?![A-Za-z0-9])/giu;
/** House-level parts: 12号 (not 3号线, not a date's 12号), 12号楼, 3栋, 2单元, 501室, 5楼, A座. */
const HOUSE_NUMBER =
  /(?<!月\s*)(?<![\dA-Za-z])(?:[A-Za-z]?\d+(?:\s*[-－之]\s*\d+)*|[A-Za-z])(?=\s*(?:号(?!线)|栋|幢|座|单元|楼|层|室|户|房|弄))/g;
/** A room written after its building without 室: 3栋1201, A座1201. */
const ROOM_AFTER_BUILDING = /(?<=(?:栋|幢|座|单元|号楼)\s*)\d{2,5}(?!\d)/g;
const HOUSE_NUMBER_ZH = /[一二三四五六七八九十两零〇]+(?=(?:号楼|栋|幢|单元))/g;
const DASHED_ROOM = /(?<![\d-])\d{1,3}-\d{1,2}-\d{3,4}(?![\d-])/g;

/**
 * Free text for public output (descriptions, status notes, addresses): e-mail addresses, ID numbers, phone
 * numbers, long numbers and vehicle plates are hidden entirely; house numbers, buildings, units and rooms lose
 * their numbers while the road keeps its name ("金湖大道12号3栋2单元501室" → "金湖大道**号*栋*单元***室").
 */
export function maskPublicText(text: string): string {
  return text
    .replace(EMAIL, hide)
    .replace(ID_NUMBER, hide)
    .replace(MOBILE, hide)
    .replace(LANDLINE, hide)
    .replace(KEYWORD_PHONE, (_m, lead: string, n: string) => lead + hide(n))
    .replace(LONG_NUMBER, hide)
    .replace(PLATE, (_m, province: string, rest: string) => province + hide(rest))
    .replace(DASHED_ROOM, hide)
    .replace(HOUSE_NUMBER, hide)
    .replace(ROOM_AFTER_BUILDING, hide)
    .replace(HOUSE_NUMBER_ZH, (m) => '*'.repeat(m.length));
}
