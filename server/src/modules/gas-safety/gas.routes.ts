import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams, PageOf } from '../../../../common/contracts/common.ts';
import {
  GasCheck,
  GasCheckCreate,
  GasCheckQuery,
  GasFigures,
  GasFiguresQuery,
  GasHazard,
  GasHazardCreate,
  GasHazardQuery,
  GasInstall,
  GasInstallCreate,
  GasInstallQuery,
  GasProgress,
  GasProgressQuery,
  GasReinspect,
  GasRectify,
  GasTargetPut,
} from '../../../../common/contracts/gas-safety.ts';
import { errorResponses } from '../../platform/http.ts';
import { actorOf } from '../auth/index.ts';
import type { GasSafety } from './gas-safety.module.ts';

const errors = errorResponses(400, 401, 403, 404, 409);

/**
 * HTTP only. Reading is assets.read (a reader narrowed to a street sees that street's checks and hazards); checks,
 * hazards, rectification, re-inspection, installations and targets are assets.manage (燃气 is a line of the registers).
 */
export function registerGasSafetyRoutes(app: FastifyInstance, s: GasSafety): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['gas-safety'];
  const read = { permission: 'assets.read' } as const;
  const manage = { permission: 'assets.manage' } as const;

  r.get(
    '/api/gas/checks',
    {
      config: read,
      schema: {
        tags,
        summary: 'Safety checks: filters, search, paging',
        querystring: GasCheckQuery,
        response: { 200: PageOf(GasCheck), ...errors },
      },
    },
    async (req) => s.hazards.listChecks(actorOf(req), req.query),
  );
  r.post(
    '/api/gas/checks',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Record a safety check (the bureau’s or a superior authority’s)',
        body: GasCheckCreate,
        response: { 201: GasCheck, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await s.hazards.createCheck(actorOf(req), req.body)),
  );
  r.get(
    '/api/gas/hazards',
    {
      config: read,
      schema: {
        tags,
        summary: 'Hazards: status, source, level, overdue, check, year, search, paging',
        querystring: GasHazardQuery,
        response: { 200: PageOf(GasHazard), ...errors },
      },
    },
    async (req) => s.hazards.listHazards(actorOf(req), req.query),
  );
  r.post(
    '/api/gas/hazards',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Record a hazard found by a check, with its last day to rectify',
        body: GasHazardCreate,
        response: { 201: GasHazard, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await s.hazards.createHazard(actorOf(req), req.body)),
  );
  r.get(
    '/api/gas/hazards/:id',
    {
      config: read,
      schema: { tags, summary: 'One hazard', params: IdParams, response: { 200: GasHazard, ...errors } },
    },
    async (req) => s.hazards.getHazard(actorOf(req), req.params.id),
  );
  r.post(
    '/api/gas/hazards/:id/rectify',
    {
      config: manage,
      schema: {
        tags,
        summary: 'The holder’s rectification reported (open → rectified)',
        params: IdParams,
        body: GasRectify,
        response: { 200: GasHazard, ...errors },
      },
    },
    async (req) => s.hazards.rectify(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/gas/hazards/:id/reinspect',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Re-inspection: passed closes the hazard (a photo is required), failed sets a new last day',
        params: IdParams,
        body: GasReinspect,
        response: { 200: GasHazard, ...errors },
      },
    },
    async (req) => s.hazards.reinspect(actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/gas/installs',
    {
      config: read,
      schema: {
        tags,
        summary: 'Household 三件套 installations: kind, community, year, paging',
        querystring: GasInstallQuery,
        response: { 200: PageOf(GasInstall), ...errors },
      },
    },
    async (req) => s.installs.listInstalls(actorOf(req), req.query),
  );
  r.post(
    '/api/gas/installs',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Households of a community fitted with one part of the 三件套 on a day',
        body: GasInstallCreate,
        response: { 201: GasInstall, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await s.installs.addInstall(actorOf(req), req.body)),
  );
  r.get(
    '/api/gas/progress',
    {
      config: read,
      schema: {
        tags,
        summary: 'The year’s 三件套 progress per community against its targets',
        querystring: GasProgressQuery,
        response: { 200: GasProgress, ...errors },
      },
    },
    async (req) => s.installs.progress(actorOf(req), req.query.year),
  );
  r.put(
    '/api/gas/targets',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Set a community’s target for one part in a year; answers the year’s progress',
        body: GasTargetPut,
        response: { 200: GasProgress, ...errors },
      },
    },
    async (req) => s.installs.putTarget(actorOf(req), req.body),
  );
  r.get(
    '/api/gas/figures',
    {
      config: read,
      schema: {
        tags,
        summary: 'The period’s checks, hazards, installations and commercial users (city-wide readers)',
        querystring: GasFiguresQuery,
        response: { 200: GasFigures, ...errors },
      },
    },
    async (req) => s.installs.figures(actorOf(req), req.query),
  );
}
