import Fastify from 'fastify';
import { afterAll, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { installErrorHandler } from './http-errors.ts';

const app = Fastify({ logger: false });
installErrorHandler(app);
app.get('/busy', async () => {
  throw new AppError('PHOTO_BUSY', 503, { retryAfterSeconds: 4.2 });
});
app.get('/plain', async () => {
  throw new AppError('NOT_FOUND', 404);
});
afterAll(() => app.close());

it('an error that names when to retry sends Retry-After (whole seconds, rounded up); others do not', async () => {
  const busy = await app.inject({ method: 'GET', url: '/busy' });
  expect(busy.statusCode).toBe(503);
  expect(busy.headers['retry-after']).toBe('5');
  expect(busy.json().error).toMatchObject({ code: 'PHOTO_BUSY', details: { retryAfterSeconds: 4.2 } });
  const plain = await app.inject({ method: 'GET', url: '/plain' });
  expect(plain.headers['retry-after']).toBeUndefined();
});
