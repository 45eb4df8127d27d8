import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { htmlForPath } from '../../../common/web-pages.ts';
import { sendNotFound } from './http-errors.ts';

/**
 * Serves the built web client from one port with the API (one deployable); files are looked up per request, so a rebuild
 * needs no restart. The client is four pages with their own bundles (common/web-pages.ts): an unknown non-API GET
 * that accepts HTML gets the page owning its path (/public… public.html, /h5… h5.html, /dashboard… dashboard.html,
 * anything else the console's index.html), so client-side routes survive a reload; API misses get the JSON 404.
 */
export async function serveWebClient(app: FastifyInstance, dist: string): Promise<void> {
  // Registered even before a build exists; the index is looked up per request, so a later build is served at once.
  await app.register(fastifyStatic, { root: dist, prefix: '/', wildcard: true, index: ['index.html'] });
  const hasClient = () => existsSync(join(dist, 'index.html'));
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const isApi = path.startsWith('/api/') || path.startsWith('/open311/') || path.startsWith('/docs');
    const wantsHtml = (request.headers.accept ?? '').includes('text/html');
    if (request.method === 'GET' && !isApi && wantsHtml && hasClient()) {
      const page = htmlForPath(path);
      return reply.type('text/html').sendFile(existsSync(join(dist, page)) ? page : 'index.html');
    }
    return sendNotFound(request, reply);
  });
}
