import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, PageOf } from '../../../../common/contracts/common.ts';
import {
  AcceptBody,
  BulletinCreate,
  JointActionCreate,
  RecognitionCreate,
  Envelope,
  InboxReceipt,
  Message,
  MessageQuery,
  OwnKeys,
  Peer,
  PeerCreate,
  PeerKeyAdd,
  PeerKeyParams,
  PeerQuery,
  PeerUpdate,
  Queued,
  ReportUpState,
  ReturnBody,
  RotateKey,
  Transfer,
  TransferCreate,
  TransferQuery,
} from '../../../../common/contracts/federation.ts';
import { ReportUpConfigInput, ReportUpOverview, ReportUpTestResult } from '../../../../common/contracts/report-up.ts';
import { MAX_INBOX_BYTES } from '../../../../common/domain/federation.ts';
import { errorResponses } from '../../platform/http.ts';
import { actorOf } from '../auth/index.ts';
import type { FederationService } from './federation.service.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const READ = { permission: 'federation.read' } as const;
const MANAGE = { permission: 'federation.manage' } as const;
const HANDLE = { permission: 'federation.handle' } as const;
const BASE = '/api/federation';
const ReportUpRun = Type.Object(
  { from: Type.Optional(Type.String({ format: 'date', maxLength: 10 })) },
  { additionalProperties: false },
);

/** HTTP only: contract → service → reply (docs/architecture.md, "Module anatomy"); docs/federation.md. */
export function registerFederationRoutes(app: FastifyInstance, s: FederationService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['federation'];

  // Peers' instances post here: no session, the Ed25519 signature over the message authenticates it.
  r.post(
    `${BASE}/inbox`,
    {
      config: { public: true, rateLimit: { max: 600, timeWindow: '1 minute' } },
      // a transfer carries its photos (docs/federation.md, "Photos of a transfer")
      bodyLimit: MAX_INBOX_BYTES,
      schema: {
        tags,
        summary:
          'A signed message from a peer instance (verified against the peer list; replays and stale times refused)',
        body: Envelope,
        response: { 200: InboxReceipt, 201: InboxReceipt, ...errors },
      },
    },
    async (req, reply) => {
      const receipt = await s.receive(req.body);
      return reply.status(receipt.status === 'received' ? 201 : 200).send(receipt);
    },
  );

  r.get(`${BASE}/keys`, { config: READ, schema: { tags, response: { 200: OwnKeys, ...errors } } }, async (req) =>
    s.keys(actorOf(req)),
  );
  r.post(
    `${BASE}/keys/rotate`,
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'Makes the first key or rotates it (the old key stays valid for the overlap)',
        body: RotateKey,
        response: { 200: OwnKeys, ...errors },
      },
    },
    async (req) => s.rotate(actorOf(req), req.body),
  );

  r.get(
    `${BASE}/peers`,
    { config: READ, schema: { tags, querystring: PeerQuery, response: { 200: PageOf(Peer), ...errors } } },
    async (req) => s.listPeers(actorOf(req), req.query),
  );
  r.post(
    `${BASE}/peers`,
    { config: MANAGE, schema: { tags, body: PeerCreate, response: { 201: Peer, ...errors } } },
    async (req, reply) => reply.status(201).send(await s.createPeer(actorOf(req), req.body)),
  );
  r.get(
    `${BASE}/peers/:id`,
    { config: READ, schema: { tags, params: IdParams, response: { 200: Peer, ...errors } } },
    async (req) => s.getPeer(actorOf(req), req.params.id),
  );
  r.patch(
    `${BASE}/peers/:id`,
    { config: MANAGE, schema: { tags, params: IdParams, body: PeerUpdate, response: { 200: Peer, ...errors } } },
    async (req) => s.updatePeer(actorOf(req), req.params.id, req.body),
  );
  r.post(
    `${BASE}/peers/:id/keys`,
    { config: MANAGE, schema: { tags, params: IdParams, body: PeerKeyAdd, response: { 200: Peer, ...errors } } },
    async (req) => s.addPeerKey(actorOf(req), req.params.id, req.body.publicKey),
  );
  r.post(
    `${BASE}/peers/:id/keys/:keyId/revoke`,
    { config: MANAGE, schema: { tags, params: PeerKeyParams, response: { 200: Peer, ...errors } } },
    async (req) => s.revokePeerKey(actorOf(req), req.params.id, req.params.keyId),
  );

  r.get(
    `${BASE}/messages`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'Inbox or outbox',
        querystring: MessageQuery,
        response: { 200: PageOf(Message), ...errors },
      },
    },
    async (req) => s.listMessages(actorOf(req), req.query),
  );
  r.post(
    `${BASE}/messages/:id/accept`,
    {
      config: HANDLE,
      schema: { tags, params: IdParams, body: Type.Optional(AcceptBody), response: { 200: Message, ...errors } },
    },
    async (req) => s.accept(actorOf(req), req.params.id, req.body?.note),
  );
  r.post(
    `${BASE}/messages/:id/return`,
    { config: HANDLE, schema: { tags, params: IdParams, body: ReturnBody, response: { 200: Message, ...errors } } },
    async (req) => s.returnMessage(actorOf(req), req.params.id, req.body.reason),
  );
  r.post(
    `${BASE}/messages/:id/retry`,
    { config: HANDLE, schema: { tags, params: IdParams, response: { 200: Message, ...errors } } },
    async (req) => s.retry(actorOf(req), req.params.id),
  );

  r.post(
    `${BASE}/bulletins`,
    { config: HANDLE, schema: { tags, body: BulletinCreate, response: { 201: Queued, ...errors } } },
    async (req, reply) => reply.status(201).send(await s.sendBulletin(actorOf(req), req.body)),
  );
  r.post(
    `${BASE}/recognitions`,
    {
      config: HANDLE,
      schema: {
        tags,
        summary: '互认: asks a peer to count an offence record as a prior offence (only the agreed fields travel)',
        body: RecognitionCreate,
        response: { 201: Message, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await s.sendRecognition(actorOf(req), req.body)),
  );
  r.post(
    `${BASE}/joint-actions`,
    {
      config: HANDLE,
      schema: {
        tags,
        summary: '联合执法邀请 to a peer: when, where, which roles, whom to call',
        body: JointActionCreate,
        response: { 201: Message, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await s.sendJointAction(actorOf(req), req.body)),
  );
  r.get(
    `${BASE}/transfers`,
    { config: READ, schema: { tags, querystring: TransferQuery, response: { 200: PageOf(Transfer), ...errors } } },
    async (req) => s.listTransfers(actorOf(req), req.query),
  );
  r.post(
    `${BASE}/transfers`,
    { config: HANDLE, schema: { tags, body: TransferCreate, response: { 201: Transfer, ...errors } } },
    async (req, reply) => reply.status(201).send(await s.transfer(actorOf(req), req.body)),
  );

  r.get(
    `${BASE}/report-up`,
    { config: READ, schema: { tags, response: { 200: ReportUpOverview, ...errors } } },
    async (req) => s.reportUpState(actorOf(req)),
  );
  r.put(
    `${BASE}/report-up/config`,
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'Report-up mode and push endpoint (token and HMAC secret stored encrypted, never returned)',
        body: ReportUpConfigInput,
        response: { 200: ReportUpOverview, ...errors },
      },
    },
    async (req) => s.saveReportUpConfig(actorOf(req), req.body),
  );
  r.post(
    `${BASE}/report-up/test`,
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'Posts a ping body to the push endpoint',
        response: { 200: ReportUpTestResult, ...errors },
      },
    },
    async (req) => s.testReportUp(actorOf(req)),
  );
  r.post(
    `${BASE}/report-up/run`,
    { config: MANAGE, schema: { tags, body: ReportUpRun, response: { 200: ReportUpState, ...errors } } },
    async (req) => s.runReportUp(actorOf(req), req.body.from),
  );
}
