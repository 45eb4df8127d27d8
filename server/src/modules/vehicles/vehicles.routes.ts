import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, PageOf } from '../../../../common/contracts/common.ts';
import {
  CheckMuck,
  CoverageCompute,
  CoverageQuery,
  CoverageReport,
  GpsBatch,
  GpsBatchResult,
  Lead,
  LeadAction,
  LeadQuery,
  Track,
  TrackQuery,
  Vehicle,
  VehicleCreate,
  VehicleQuery,
  VehicleUpdate,
  VehicleWithKey,
} from '../../../../common/contracts/vehicles.ts';
import { errorResponses, sendDownload } from '../../platform/http.ts';
import { localeFromHeader } from '../../platform/messages.ts';
import { actorOf } from '../auth/index.ts';
import type { Vehicles } from './vehicles.module.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const BASE = '/api/vehicles';

/** HTTP only (docs/vehicles.md). Reads are vehicle.read; the register, leads and checks vehicle.manage. */
export function registerVehicleRoutes(app: FastifyInstance, m: Vehicles): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['vehicles'];
  const s = m.service;

  // Signed by the vehicle's GPS key message by message, like the MQTT topic: no session.
  r.post(
    `${BASE}/gps`,
    {
      config: { public: true, rateLimit: { max: 600, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'A batch of signed GPS messages of one vehicle (any order; repeats ignored; refused points by field)',
        body: GpsBatch,
        response: { 200: GpsBatchResult, ...errors },
      },
    },
    async (req) => {
      const res = await m.gps.batch(req.body);
      return { accepted: res.accepted, duplicates: res.duplicates, flagged: res.flagged, rejected: res.rejected };
    },
  );

  r.get(
    BASE,
    {
      config: { permission: 'vehicle.read' },
      schema: {
        tags,
        summary: 'Vehicles with their last position',
        querystring: VehicleQuery,
        response: { 200: PageOf(Vehicle), ...errors },
      },
    },
    async (req) => s.list(actorOf(req), req.query),
  );
  r.post(
    BASE,
    {
      config: { permission: 'vehicle.manage' },
      schema: {
        tags,
        summary: 'Register a vehicle; its GPS key is shown once',
        body: VehicleCreate,
        response: { 201: VehicleWithKey, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await s.create(actorOf(req), req.body)),
  );
  r.get(
    `${BASE}/coverage`,
    {
      config: { permission: 'vehicle.read' },
      schema: {
        tags,
        summary: 'Road coverage of one day by sprinklers and sweepers',
        querystring: CoverageQuery,
        response: { 200: CoverageReport, ...errors },
      },
    },
    async (req) => m.coverage.report(actorOf(req), req.query),
  );
  r.get(
    `${BASE}/coverage.csv`,
    {
      config: { permission: 'vehicle.read' },
      schema: {
        tags,
        summary: 'The daily coverage report as CSV',
        querystring: CoverageQuery,
        response: { ...errors },
      },
    },
    async (req, reply) => {
      const file = await m.coverage.csv(actorOf(req), req.query, localeFromHeader(req.headers['accept-language']));
      return sendDownload(reply, { filename: file.filename, contentType: 'text/csv; charset=utf-8', body: file.body });
    },
  );
  r.post(
    `${BASE}/coverage/compute`,
    {
      config: { permission: 'vehicle.read' },
      schema: {
        tags,
        summary: 'Compute one day again (today so far, or a missed day)',
        body: CoverageCompute,
        response: { 200: CoverageReport, ...errors },
      },
    },
    async (req) => m.coverage.recompute(actorOf(req), req.body.day),
  );
  r.get(
    `${BASE}/leads`,
    {
      config: { permission: 'vehicle.read' },
      schema: {
        tags,
        summary: 'Leads (线索) raised by the muck-truck checks',
        querystring: LeadQuery,
        response: { 200: PageOf(Lead), ...errors },
      },
    },
    async (req) => s.leads(actorOf(req), req.query),
  );
  r.get(
    `${BASE}/leads/:id`,
    {
      config: { permission: 'vehicle.read' },
      schema: { tags, summary: 'One lead', params: IdParams, response: { 200: Lead, ...errors } },
    },
    async (req) => s.lead(actorOf(req), req.params.id),
  );
  r.get(
    `${BASE}/leads/:id/evidence`,
    {
      config: { permission: 'vehicle.read' },
      schema: {
        tags,
        summary: "The lead's track evidence (GeoJSON, as hashed)",
        params: IdParams,
        response: { ...errors },
      },
    },
    async (req, reply) => {
      const file = await s.evidence(actorOf(req), req.params.id);
      return sendDownload(reply, { filename: file.filename, contentType: 'application/geo+json', body: file.body });
    },
  );
  r.post(
    `${BASE}/leads/:id/handle`,
    {
      config: { permission: 'vehicle.manage' },
      schema: {
        tags,
        summary: 'Dismiss a lead or refer it to enforcement, with the reason',
        params: IdParams,
        body: LeadAction,
        response: { 200: Lead, ...errors },
      },
    },
    async (req) => s.handleLead(actorOf(req), req.params.id, req.body),
  );
  r.post(
    `${BASE}/muck-check`,
    {
      config: { permission: 'vehicle.manage' },
      schema: {
        tags,
        summary: "Run a muck truck's checks for one day again",
        body: CheckMuck,
        response: { 200: Type.Object({ written: Type.Integer() }), ...errors },
      },
    },
    async (req) => s.checkMuck(actorOf(req), req.body.vehicleId, req.body.day),
  );
  r.get(
    `${BASE}/:id`,
    {
      config: { permission: 'vehicle.read' },
      schema: { tags, summary: 'One vehicle', params: IdParams, response: { 200: Vehicle, ...errors } },
    },
    async (req) => s.get(actorOf(req), req.params.id),
  );
  r.patch(
    `${BASE}/:id`,
    {
      config: { permission: 'vehicle.manage' },
      schema: {
        tags,
        summary: 'Change a vehicle (optimistic version)',
        params: IdParams,
        body: VehicleUpdate,
        response: { 200: Vehicle, ...errors },
      },
    },
    async (req) => s.update(actorOf(req), req.params.id, req.body),
  );
  r.post(
    `${BASE}/:id/rotate-key`,
    {
      config: { permission: 'vehicle.manage' },
      schema: {
        tags,
        summary: 'A new GPS key (the old one stops verifying); shown once',
        params: IdParams,
        response: { 200: VehicleWithKey, ...errors },
      },
    },
    async (req) => s.rotateKey(actorOf(req), req.params.id),
  );
  r.get(
    `${BASE}/:id/track`,
    {
      config: { permission: 'vehicle.read' },
      schema: {
        tags,
        summary: 'The track between two instants (at most 48 h) for the replay',
        params: IdParams,
        querystring: TrackQuery,
        response: { 200: Track, ...errors },
      },
    },
    async (req) => s.track(actorOf(req), req.params.id, req.query),
  );
}
