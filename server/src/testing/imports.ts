import type { LightMyRequestResponse } from 'fastify';
import type { ImportJob } from '../../../common/contracts/imports.ts';
import type { Session, TestApp } from './test-app.ts';

/**
 * Follows an import job to its end: every import answers 202 with a job (docs/imports.md). `accepted` is the
 * import's 202 response (or a job id). Waits on the app's own runner, so no timing is involved.
 */
export async function waitForImport(
  app: TestApp,
  session: Session,
  accepted: LightMyRequestResponse | string,
  lang = 'zh-CN',
): Promise<ImportJob> {
  let id = accepted;
  if (typeof accepted !== 'string') {
    if (accepted.statusCode !== 202) throw new Error(`import not accepted: ${accepted.statusCode} ${accepted.body}`);
    id = (accepted.json() as ImportJob).id;
  }
  await app.services.imports.idle();
  const res = await app.inject({
    method: 'GET',
    url: `/api/imports/${String(id)}`,
    headers: { cookie: session.cookie, 'accept-language': lang },
  });
  if (res.statusCode !== 200) throw new Error(`import job ${String(id)}: ${res.statusCode} ${res.body}`);
  return res.json() as ImportJob;
}

/**
 * The job's outcome in the shape the import answered before it became a job: the result (200), or the error body
 * with the status the import gave it. Lets the imports' tests keep their assertions on results and errors.
 */
export interface ImportOutcome {
  statusCode: number;
  body: string;
  json: LightMyRequestResponse['json'];
  /** the headers of the import request's own answer (202, Location, idempotent-replayed) */
  headers: LightMyRequestResponse['headers'];
  /** null when the request itself was refused (no job) */
  job: ImportJob | null;
}

export async function importOutcome(
  app: TestApp,
  session: Session,
  accepted: LightMyRequestResponse,
  lang = 'zh-CN',
): Promise<ImportOutcome> {
  if (accepted.statusCode !== 202)
    return {
      statusCode: accepted.statusCode,
      body: accepted.body,
      json: accepted.json.bind(accepted),
      headers: accepted.headers,
      job: null,
    };
  const job = await waitForImport(app, session, accepted, lang);
  if (job.status !== 'succeeded' && !job.error)
    throw new Error(`import job ${job.id} ended ${job.status} without an error`);
  const body = job.status === 'succeeded' ? job.result : { error: job.error };
  const statusCode = job.status === 'succeeded' ? 200 : (job.error?.status ?? 500);
  return {
    statusCode,
    body: JSON.stringify(body),
    json: (() => body) as LightMyRequestResponse['json'],
    headers: accepted.headers,
    job,
  };
}
