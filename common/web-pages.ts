/**
 * The web client is four HTML pages, each with its own bundle: the citizen page, the inspector's phone app and the
 * command screen are fetched only by their audience, the console by staff. The server picks the HTML by path
 * prefix (server/src/platform/web-client.ts, with this table) and so does the Vite dev server (web/vite.config.ts).
 */
export const PAGE_PREFIXES = [
  { prefix: '/public', html: 'public.html' },
  { prefix: '/h5', html: 'h5.html' },
  { prefix: '/dashboard', html: 'dashboard.html' },
] as const;

/** The HTML page that owns a path: one of the separate pages, else the console's index.html. */
export function htmlForPath(path: string): string {
  const hit = PAGE_PREFIXES.find(({ prefix }) => path === prefix || path.startsWith(`${prefix}/`));
  return hit?.html ?? 'index.html';
}
