/**
 * The inspector app's service worker (/h5-sw.js, scope /h5), so the app starts and keeps drafts with no network at
 * all. Built on its own by web/h5-service-worker.ts, which fills in the build's version and file list; never
 * imported by the app. What it keeps, for how long and how a new version rolls out: docs/h5-offline.md.
 */
import {
  CACHE_PREFIX,
  DATA_CACHE,
  ME_PATH,
  NETWORK_WAIT_MS,
  SHELL_HTML,
  TAKE_OVER,
  inScope,
  isStorable,
  ruleFor,
  shellCacheName,
} from './sw-rules.ts';

declare const __H5_SW_VERSION__: string;
declare const __H5_SW_PRECACHE__: readonly string[];

// The few parts of the service worker global scope used here (the project's TypeScript program uses the DOM
// library, which does not describe it).
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
  readonly ports: readonly MessagePort[];
}
interface WorkerScope {
  readonly location: { readonly origin: string };
  readonly clients: {
    claim(): Promise<void>;
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<readonly { readonly url: string }[]>;
  };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
}
declare const self: WorkerScope;

const SHELL_CACHE = shellCacheName(__H5_SW_VERSION__);

self.addEventListener('install', (event) => {
  // Revalidated, not taken from the HTTP cache: h5.html has no hash in its name. No skipWaiting here: a page
  // running the previous version keeps it until the app starts again (sw-registration.ts).
  const requests = __H5_SW_PRECACHE__.map((url) => new Request(url, { cache: 'no-cache' }));
  event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.addAll(requests)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set([SHELL_CACHE, DATA_CACHE]);
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith(CACHE_PREFIX) && !keep.has(n)).map((n) => caches.delete(n)));
      // The page that installed the worker is served by it from now on (its sign-in is then remembered).
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data !== TAKE_OVER) return;
  const port = event.ports[0];
  event.waitUntil(
    (async () => {
      // Only when the asking page is the app's one open window: another one may hold a report being written.
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows.filter((client) => inScope(new URL(client.url).pathname)).length;
      const accepted = open <= 1;
      if (accepted) await self.skipWaiting();
      port?.postMessage({ accepted });
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  switch (ruleFor(request.method, url, request.mode, self.location.origin)) {
    case 'shell':
      return event.respondWith(shell(request));
    case 'asset':
      return event.respondWith(cacheFirst(request));
    case 'data':
      return event.respondWith(networkFirst(event, url));
    case 'sign-in':
      return event.respondWith(signIn(request));
    case 'sign-out':
      // Dropped when the request leaves, whether or not it reaches the server: the phone forgets the session.
      return event.waitUntil(caches.delete(DATA_CACHE));
    case 'identity-change':
      return event.waitUntil(caches.open(DATA_CACHE).then((cache) => cache.delete(ME_PATH)));
    case 'network':
      return;
  }
});

async function shell(request: Request): Promise<Response> {
  const cached = await caches.match(SHELL_HTML, { cacheName: SHELL_CACHE });
  return cached ?? fetch(request);
}

async function cacheFirst(request: Request): Promise<Response> {
  const cache = await caches.open(SHELL_CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (isStorable(response)) await cache.put(request, response.clone());
  return response;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The network's answer, stored for next time; the cached copy when the network fails, answers with a server
 * error, or takes longer than NETWORK_WAIT_MS. A 401 means the session is over: its cached reads are dropped.
 * Stored by URL alone (the session, not a header, decides the answer); the key is the URL without the origin.
 */
async function networkFirst(event: FetchEvent, url: URL): Promise<Response> {
  const key = `${url.pathname}${url.search}`;
  const cache = await caches.open(DATA_CACHE);
  const cached = await cache.match(key, { ignoreVary: true });
  const network = fetch(event.request).then(async (response) => {
    if (response.status === 401) await caches.delete(DATA_CACHE);
    else if (isStorable(response)) await cache.put(key, response.clone());
    return response;
  });
  event.waitUntil(network.catch(() => undefined));
  if (!cached) return network;
  const fresh = network.then(
    (response) => (response.status >= 500 ? cached : response),
    () => cached,
  );
  return Promise.race([fresh, wait(NETWORK_WAIT_MS).then(() => cached)]);
}

/**
 * A new session, perhaps of another inspector: the last session's reads are dropped, and the answer (the same body
 * as GET /api/auth/me) is kept as the identity. A refused or failed sign-in changes nothing.
 */
async function signIn(request: Request): Promise<Response> {
  const response = await fetch(request);
  if (isStorable(response)) {
    await caches.delete(DATA_CACHE);
    const cache = await caches.open(DATA_CACHE);
    await cache.put(ME_PATH, response.clone());
  }
  return response;
}
