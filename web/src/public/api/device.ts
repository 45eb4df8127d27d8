/**
 * What the citizen's phone remembers (localStorage): a random device id (for rate limits; nothing personal), the
 * reports sent from it (case number + tracking code, so the citizen can come back without writing anything down)
 * and the unfinished report (so nothing typed or photographed is lost when the page closes or the network fails).
 */
const DEVICE_KEY = 'cityloop.public.device';
const MINE_KEY = 'cityloop.public.mine';
const DRAFT_KEY = 'cityloop.public.draft';
const MAX_MINE = 50;

export function randomKey(prefix: string): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

function read<T>(key: string): T | null {
  try {
    const text = localStorage.getItem(key);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

/** false when the browser refused (private mode, quota). */
function write(key: string, value: unknown): boolean {
  try {
    localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

let memoryDevice: string | null = null;
export function deviceId(): string {
  const stored = read<string>(DEVICE_KEY);
  if (stored && /^[A-Za-z0-9_-]{8,64}$/.test(stored)) return stored;
  memoryDevice ??= randomKey('d').slice(0, 40);
  write(DEVICE_KEY, memoryDevice);
  return memoryDevice;
}

export interface MyReport {
  caseNo: string;
  token: string;
  matterName: string;
  at: string;
}

export function myReports(): MyReport[] {
  const list = read<MyReport[]>(MINE_KEY);
  return Array.isArray(list)
    ? list.filter((r) => r && typeof r.token === 'string' && typeof r.caseNo === 'string')
    : [];
}

export function rememberReport(report: MyReport): void {
  write(MINE_KEY, [report, ...myReports().filter((r) => r.token !== report.token)].slice(0, MAX_MINE));
}

export function forgetReport(token: string): void {
  write(
    MINE_KEY,
    myReports().filter((r) => r.token !== token),
  );
}

export interface DraftPhoto {
  url: string;
  /** Idempotency-Key of its upload: a retried upload answers the same photo id */
  key: string;
  id: string | null;
}

export interface Draft {
  /** Idempotency-Key of the report: every retry of this report sends the same one */
  key: string;
  photos: DraftPhoto[];
  location: { lng: number; lat: number; manual: boolean } | null;
  matter: { code: string; name: string } | null;
  description: string;
  address: string;
  phone: string;
}

export const emptyDraft = (): Draft => ({
  key: randomKey('r'),
  photos: [],
  location: null,
  matter: null,
  description: '',
  address: '',
  phone: '',
});

export function loadDraft(): Draft | null {
  const d = read<Draft>(DRAFT_KEY);
  return d && typeof d.key === 'string' && Array.isArray(d.photos) ? d : null;
}

/** Saves the draft; when photos do not fit the storage, at least the text and the uploaded photo ids are kept. */
export function saveDraft(draft: Draft): void {
  if (write(DRAFT_KEY, draft)) return;
  write(DRAFT_KEY, { ...draft, photos: draft.photos.filter((p) => p.id).map((p) => ({ ...p, url: '' })) });
}

export function clearDraft(): void {
  try {
    localStorage.removeItem(DRAFT_KEY);
  } catch {
    // nothing to clear
  }
}
