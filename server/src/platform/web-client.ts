import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sendNotFound } from './http-errors.ts';

/**
 * Serves the built console from one port with the API (issue 2); files are looked up per request, so a rebuild
 * needs no restart. Unknown non-API GETs that accept HTML get
 * index.html so client-side routes survive a reload; API misses get the JSON 404.
 */
export async function serveWebClient(app: FastifyInstance, dist: string): Promise<void> {
  // Registered even before a build exists; the index is looked up per request, so a later build is served at once.
  await app.register(fastifyStatic, { root: dist, prefix: '/', wildcard: true, index: ['index.html'] });
  const hasClient = () => existsSync(join(dist, 'index.html'));
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const isApi = path.startsWith('/api/') || path.startsWith('/open311/') || path.startsWith('/docs');
    const wantsHtml = (request.headers.accept ?? '').includes('text/html');
    if (request.method === 'GET' && !isApi && wantsHtml && hasClient()) return reply.type('text/html').sendFile('index.html');
    return sendNotFound(request, reply);
  });
}
