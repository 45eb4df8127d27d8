/**
 * What the inspector app's service worker keeps and how it answers each request (docs/h5-offline.md). Pure: the
 * worker (service-worker.ts), the page that registers it (sw-registration.ts) and the build step that lists the
 * app shell (web/h5-service-worker.ts) share it, and tests read it without a browser.
 */

/** Served from the site root, so its scope may be /h5 without a Service-Worker-Allowed header. */
export const SW_SCRIPT = '/h5-sw.js';
/** Without a trailing slash: the app's home is /h5 itself. Only the inspector app's pages are controlled. */
export const SW_SCOPE = '/h5';
/** The one HTML page of the app; every navigation inside the scope is answered with it (client-side routes). */
export const SHELL_HTML = '/h5.html';

export const CACHE_PREFIX = 'cityloop-h5-';
/** The HTML and the hashed files of one build; a new build gets a new cache and the old one is deleted. */
export const shellCacheName = (version: string) => `${CACHE_PREFIX}shell-${version}`;
/**
 * The signed-in session's reads (identity, catalog, map layers). Named by its format, not by the build: an update
 * that activates while the phone is offline must not sign the inspector out. Emptied when the session changes.
 */
export const DATA_CACHE = `${CACHE_PREFIX}data-v1`;
export const ME_PATH = '/api/auth/me';

/**
 * How long a read waits for the network before the cached copy is shown (only when there is one). On a weak
 * signal a request can hang for a minute; the answer that arrives later still refreshes the cache.
 */
export const NETWORK_WAIT_MS = 4000;

export type SwRule =
  /** a page of the app: the cached HTML (the page's version always matches the worker's files) */
  | 'shell'
  /** a hashed build file: the cache first, its name changes with its content */
  | 'asset'
  /** a read the app needs to start and report offline: the network first, the cached copy when it fails */
  | 'data'
  /** a new session once the server accepts it: the previous session's reads are dropped, the new identity kept */
  | 'sign-in'
  /** the session ends: every cached read is dropped */
  | 'sign-out'
  /** the identity changes (a new password clears mustChangePassword): the cached identity is dropped */
  | 'identity-change'
  /** anything else (writes, task lists, photos, other pages, other origins): not touched */
  | 'network';

export function inScope(pathname: string): boolean {
  return pathname === SW_SCOPE || pathname.startsWith(`${SW_SCOPE}/`);
}

/**
 * The reads kept for offline use: the identity (the app starts signed in), the whole active matter list (the
 * offline matter search) and the map layers. Searches, case lists and details, photos and every write go to the
 * network only: they are either personal data the app does not keep or answers that are useless when stale.
 */
function isOfflineRead(url: URL): boolean {
  if (url.pathname === ME_PATH) return true;
  if (url.pathname.startsWith('/api/geo/layers/')) return true;
  if (url.pathname === '/api/catalog/entries') {
    const q = url.searchParams.get('q');
    return url.searchParams.get('kind') === 'matter' && (q === null || q === '');
  }
  return false;
}

export function ruleFor(method: string, url: URL, mode: string, origin: string): SwRule {
  if (url.origin !== origin) return 'network';
  if (method === 'GET') {
    if (mode === 'navigate') return inScope(url.pathname) ? 'shell' : 'network';
    if (url.pathname.startsWith('/assets/')) return 'asset';
    return isOfflineRead(url) ? 'data' : 'network';
  }
  if (method === 'POST') {
    if (url.pathname === '/api/auth/login') return 'sign-in';
    if (url.pathname === '/api/auth/logout') return 'sign-out';
    if (url.pathname === '/api/auth/password') return 'identity-change';
  }
  return 'network';
}

/** Only complete same-origin answers the server allows to be stored; `no-store` marks data it does not. */
export function isStorable(response: Pick<Response, 'status' | 'type' | 'headers'>): boolean {
  if (response.status !== 200 || (response.type !== 'basic' && response.type !== 'default')) return false;
  return !/\bno-store\b/i.test(response.headers.get('cache-control') ?? '');
}

/** The part of Vite's build manifest the precache list is read from. */
export interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
}

/**
 * The app shell of one page: its HTML and every file its entry can load, statically or later (the map, the other
 * language, the password screen), so nothing the app may ask for offline is missing. Root-relative URLs, sorted.
 */
export function precacheFiles(manifest: Record<string, ManifestChunk>, entry: string, html = SHELL_HTML): string[] {
  const files = new Set<string>([html]);
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (seen.has(key) || !chunk) return;
    seen.add(key);
    for (const file of [chunk.file, ...(chunk.css ?? []), ...(chunk.assets ?? [])])
      if (!file.endsWith('.html')) files.add(`/${file}`);
    for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(next);
  };
  if (!manifest[entry]) throw new Error(`${entry} is not in the build manifest`);
  visit(entry);
  return [...files].sort();
}

/** The message a page sends a waiting worker to take over (sw-registration.ts); it answers `{ accepted }`. */
export const TAKE_OVER = 'cityloop-h5-take-over';
