import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, PageOf } from '../../../../common/contracts/common.ts';
import {
  VisionClassesUpdate,
  VisionClassSetting,
  VisionConfirmed,
  VisionEvent,
  VisionEventQuery,
  VisionMission,
  VisionMissionCreate,
  VisionRates,
  VisionReview,
  VisionSource,
  VisionSourceCreate,
  VisionSourceUpdate,
  VisionSourceWithSecret,
} from '../../../../common/contracts/vision.ts';
import { errorResponses } from '../../platform/http.ts';
import { actorOf } from '../auth/index.ts';
import type { VisionReviewService } from './vision-review.ts';
import type { VisionSources } from './vision-sources.ts';

const errors = errorResponses(400, 401, 403, 404, 409);

/** HTTP only. Sources, classes, rates, missions: device.read to see, device.manage to change; the desk: case.accept. */
export function registerVisionRoutes(app: FastifyInstance, sources: VisionSources, review: VisionReviewService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['vision'];

  r.get(
    '/api/vision/sources',
    {
      config: { permission: 'device.read' },
      schema: { tags, summary: 'Cameras and drones', response: { 200: Type.Array(VisionSource), ...errors } },
    },
    async (req) => sources.list(actorOf(req)),
  );
  r.post(
    '/api/vision/sources',
    {
      config: { permission: 'device.manage' },
      schema: {
        tags,
        summary: 'Register a camera or drone (its webhook secret is shown once)',
        body: VisionSourceCreate,
        response: { 201: VisionSourceWithSecret, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await sources.create(actorOf(req), req.body)),
  );
  r.get(
    '/api/vision/sources/:id',
    {
      config: { permission: 'device.read' },
      schema: { tags, params: IdParams, response: { 200: VisionSource, ...errors } },
    },
    async (req) => sources.get(actorOf(req), req.params.id),
  );
  r.patch(
    '/api/vision/sources/:id',
    {
      config: { permission: 'device.manage' },
      schema: {
        tags,
        summary: 'Change a source: name, position, heading, active, per-class thresholds',
        params: IdParams,
        body: VisionSourceUpdate,
        response: { 200: VisionSource, ...errors },
      },
    },
    async (req) => sources.update(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/vision/sources/:id/secret',
    {
      config: { permission: 'device.manage' },
      schema: {
        tags,
        summary: 'A new webhook secret (shown once; the old one fails at once)',
        params: IdParams,
        response: { 200: VisionSourceWithSecret, ...errors },
      },
    },
    async (req) => sources.rotateSecret(actorOf(req), req.params.id),
  );
  r.get(
    '/api/vision/classes',
    {
      config: { permission: 'device.read' },
      schema: {
        tags,
        summary: 'Classes with their matter and threshold',
        response: { 200: Type.Array(VisionClassSetting), ...errors },
      },
    },
    async (req) => sources.classes(actorOf(req)),
  );
  r.put(
    '/api/vision/classes',
    {
      config: { permission: 'device.manage' },
      schema: {
        tags,
        summary: 'Set classes’ matter, threshold and whether they file cases',
        body: VisionClassesUpdate,
        response: { 200: Type.Array(VisionClassSetting), ...errors },
      },
    },
    async (req) => sources.putClasses(actorOf(req), req.body),
  );
  r.get(
    '/api/vision/events',
    {
      config: { permission: 'device.read' },
      schema: {
        tags,
        summary: 'Events of every status',
        querystring: VisionEventQuery,
        response: { 200: PageOf(VisionEvent), ...errors },
      },
    },
    async (req) => review.list(actorOf(req), req.query),
  );
  r.get(
    '/api/vision/review',
    {
      config: { permission: 'case.accept' },
      schema: {
        tags,
        summary: 'The review desk: events whose case waits for 核实',
        querystring: VisionEventQuery,
        response: { 200: PageOf(VisionEvent), ...errors },
      },
    },
    async (req) => review.desk(actorOf(req), req.query),
  );
  r.post(
    '/api/vision/review/:id/confirm',
    {
      config: { permission: 'case.accept' },
      schema: {
        tags,
        summary:
          '核实: confirm (the case is accepted and goes on to filing); `lead` names the enforcement lead it handed over',
        params: IdParams,
        body: VisionReview,
        response: { 200: VisionConfirmed, ...errors },
      },
    },
    async (req) => review.confirm(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/vision/review/:id/reject',
    {
      config: { permission: 'case.accept' },
      schema: {
        tags,
        summary: '核实不通过: a false positive (the case is voided as invalid)',
        params: IdParams,
        body: VisionReview,
        response: { 200: VisionEvent, ...errors },
      },
    },
    async (req) => review.reject(actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/vision/rates',
    {
      config: { permission: 'device.read' },
      schema: {
        tags,
        summary: 'False-positive rate per source and class (30 days) with a suggested threshold',
        response: { 200: VisionRates, ...errors },
      },
    },
    async (req) => review.rates(actorOf(req)),
  );
  r.get(
    '/api/vision/missions',
    {
      config: { permission: 'device.read' },
      schema: { tags, summary: 'Drone missions', response: { 200: Type.Array(VisionMission), ...errors } },
    },
    async (req) => review.missions(actorOf(req)),
  );
  r.post(
    '/api/vision/missions',
    {
      config: { permission: 'device.manage' },
      schema: {
        tags,
        summary: 'Record a drone mission (route, times, operator)',
        body: VisionMissionCreate,
        response: { 201: VisionMission, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await review.createMission(actorOf(req), req.body)),
  );
}
