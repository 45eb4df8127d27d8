import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  CallCentreConfig,
  CallCentreSecret,
  CallerHistory,
  CallIdParams,
  CallNotice,
  CallReceipt,
  CallTenantParams,
} from '../../../../common/contracts/caller.ts';
import { Ok } from '../../../../common/contracts/common.ts';
import { invalidField } from '../../platform/errors.ts';
import { errorResponses } from '../../platform/http.ts';
import { actorOf } from '../auth/index.ts';
import { callErrors, SIGNATURE_HEADER, type CallerPopup } from './hotline-calls.ts';

const errors = errorResponses(400, 401, 403, 404);
const MAX_NOTICE_BYTES = 16 * 1024;

/** 来电弹屏 over HTTP (docs/caller-popup.md): the signed webhook, the pop-up's history, the secret. */
export async function registerCallRoutes(app: FastifyInstance, calls: CallerPopup): Promise<void> {
  await app.register(async (scope) => {
    // The signature covers the exact bytes sent, so the body is kept raw beside its parsed form.
    const raw = new WeakMap<FastifyRequest, Buffer>();
    const tenantOf = new WeakMap<FastifyRequest, string>();
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'buffer', bodyLimit: MAX_NOTICE_BYTES },
      (req, body, done) => {
        raw.set(req, body as Buffer);
        try {
          done(null, JSON.parse((body as Buffer).toString('utf8')) as unknown);
        } catch {
          done(invalidField('body', 'json', 'the body is not valid JSON'), undefined);
        }
      },
    );
    const r = scope.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['hotline'];

    r.post(
      '/api/hotline/calls/:tenantCode',
      {
        // Checked before the body's schema, so an unsigned caller learns nothing about the payload's rules.
        preValidation: async (req) => {
          const body = raw.get(req);
          if (!body) throw callErrors.signature();
          const header = req.headers[SIGNATURE_HEADER];
          const { tenantCode } = req.params;
          tenantOf.set(req, await calls.verify(tenantCode, body, Array.isArray(header) ? header[0] : header));
        },
        config: { public: true, rateLimit: { max: 600, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'A ringing call from the call centre (HMAC-SHA256 of the body in X-CityLoop-Signature)',
          params: CallTenantParams,
          body: CallNotice,
          response: { 200: CallReceipt, ...errors },
        },
      },
      async (req) => {
        const tenantId = tenantOf.get(req);
        if (!tenantId) throw callErrors.signature();
        return calls.receive(tenantId, req.body);
      },
    );
  });

  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['hotline'];
  r.get(
    '/api/hotline/calls/:callId/history',
    {
      config: { permission: 'hotline.read' },
      schema: {
        tags,
        summary: 'The caller’s previous cases and hotline orders for the pop-up (phone masked unless you take calls)',
        params: CallIdParams,
        response: { 200: CallerHistory, ...errors },
      },
    },
    async (req) => calls.history(actorOf(req), req.params.callId),
  );
  r.get(
    '/api/hotline/call-centre',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Whether a call-centre secret is set (hint only)',
        response: { 200: CallCentreConfig, ...errors },
      },
    },
    async (req) => calls.config(actorOf(req)),
  );
  r.post(
    '/api/hotline/call-centre/secret',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'A new call-centre secret (shown once)',
        response: { 201: CallCentreSecret, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await calls.rotateSecret(actorOf(req))),
  );
  r.delete(
    '/api/hotline/call-centre/secret',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Revoke the call-centre secret (every call notice is refused until a new one is made)',
        response: { 200: Ok, ...errors },
      },
    },
    async (req) => calls.revokeSecret(actorOf(req)),
  );
}
