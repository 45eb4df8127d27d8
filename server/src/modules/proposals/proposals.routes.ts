import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Id, IdParams, PageOf } from '../../../../common/contracts/common.ts';
import {
  Proposal,
  ProposalCreate,
  ProposalFigures,
  ProposalFiguresQuery,
  ProposalQuery,
  ProposalSettings,
  ProposalSummary,
  ProposalTask,
  ReplyDecision,
  ReplyDraft,
  ReplyReturn,
  SatisfactionRecord,
  TaskComplete,
  TaskCreate,
  TaskQuery,
} from '../../../../common/contracts/proposals.ts';
import { errorResponses } from '../../platform/http.ts';
import { actorOf } from '../auth/index.ts';
import type { ProposalService } from './proposals.service.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const TaskParams = Type.Object({ id: Id, taskId: Id });

/**
 * HTTP only. Reading is proposal.read (a unit-bound reader sees the items with a task for its unit); the register,
 * tasks, reply drafts, sending and the rating proposal.manage; approving or returning the reply proposal.approve;
 * a unit's result proposal.handle.
 */
export function registerProposalRoutes(app: FastifyInstance, s: ProposalService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['proposals'];

  r.get(
    '/api/proposals',
    {
      config: { permission: 'proposal.read' },
      schema: {
        tags,
        summary: '建议提案 in the caller’s scope: filters, search (number, title, proposer, content), paging, sorting',
        querystring: ProposalQuery,
        response: { 200: PageOf(ProposalSummary), ...errors },
      },
    },
    async (req) => s.list(actorOf(req), req.query),
  );
  r.get(
    '/api/proposals/figures',
    {
      config: { permission: 'proposal.read' },
      schema: {
        tags,
        summary: 'Counts by body and part, 办结率 and 满意率 of the items assigned in [from, to]',
        querystring: ProposalFiguresQuery,
        response: { 200: ProposalFigures, ...errors },
      },
    },
    async (req) => s.figures(actorOf(req), req.query),
  );
  r.get(
    '/api/proposals/tasks',
    {
      config: { permission: 'proposal.read' },
      schema: {
        tags,
        summary: 'Unit tasks in the caller’s scope (a unit’s to-do), open and overdue first',
        querystring: TaskQuery,
        response: { 200: PageOf(ProposalTask), ...errors },
      },
    },
    async (req) => s.listTasks(actorOf(req), req.query),
  );
  r.get(
    '/api/proposals/settings',
    {
      config: { permission: 'proposal.read' },
      schema: { tags, summary: 'The reply limit in months', response: { 200: ProposalSettings, ...errors } },
    },
    async (req) => s.settings(actorOf(req)),
  );
  r.put(
    '/api/proposals/settings',
    {
      config: { permission: 'proposal.manage' },
      schema: {
        tags,
        summary: 'Set the reply limit for items registered from now on',
        body: ProposalSettings,
        response: { 200: ProposalSettings, ...errors },
      },
    },
    async (req) => s.putSettings(actorOf(req), req.body),
  );
  r.post(
    '/api/proposals',
    {
      config: { permission: 'proposal.manage' },
      schema: {
        tags,
        summary: 'Register an item assigned to the bureau (its last day from the reply limit and the work calendar)',
        body: ProposalCreate,
        response: { 201: Proposal, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await s.register(actorOf(req), req.body)),
  );
  r.get(
    '/api/proposals/:id',
    {
      config: { permission: 'proposal.read' },
      schema: { tags, params: IdParams, response: { 200: Proposal, ...errors } },
    },
    async (req) => s.get(actorOf(req), req.params.id),
  );
  r.post(
    '/api/proposals/:id/tasks',
    {
      config: { permission: 'proposal.manage' },
      schema: {
        tags,
        summary: 'Give part of the item to one of the bureau’s units',
        params: IdParams,
        body: TaskCreate,
        response: { 201: Proposal, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await s.assignTask(actorOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/proposals/:id/tasks/:taskId/complete',
    {
      config: { permission: 'proposal.handle' },
      schema: {
        tags,
        summary: 'The unit’s result on its task',
        params: TaskParams,
        body: TaskComplete,
        response: { 200: Proposal, ...errors },
      },
    },
    async (req) => s.completeTask(actorOf(req), req.params.id, req.params.taskId, req.body),
  );
  r.put(
    '/api/proposals/:id/reply',
    {
      config: { permission: 'proposal.manage' },
      schema: {
        tags,
        summary: 'Write the reply draft (while a draft or returned)',
        params: IdParams,
        body: ReplyDraft,
        response: { 200: Proposal, ...errors },
      },
    },
    async (req) => s.draftReply(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/proposals/:id/reply/submit',
    {
      config: { permission: 'proposal.manage' },
      schema: {
        tags,
        summary: 'Submit the draft for approval',
        params: IdParams,
        response: { 200: Proposal, ...errors },
      },
    },
    async (req) => s.submitReply(actorOf(req), req.params.id),
  );
  r.post(
    '/api/proposals/:id/reply/approve',
    {
      config: { permission: 'proposal.approve' },
      schema: {
        tags,
        summary: 'Approve the submitted reply',
        params: IdParams,
        body: ReplyDecision,
        response: { 200: Proposal, ...errors },
      },
    },
    async (req) => s.approveReply(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/proposals/:id/reply/return',
    {
      config: { permission: 'proposal.approve' },
      schema: {
        tags,
        summary: 'Return the submitted reply to the drafter, with the reason',
        params: IdParams,
        body: ReplyReturn,
        response: { 200: Proposal, ...errors },
      },
    },
    async (req) => s.returnReply(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/proposals/:id/reply/send',
    {
      config: { permission: 'proposal.manage' },
      schema: {
        tags,
        summary: 'Send the approved reply to the proposer (the item is answered)',
        params: IdParams,
        response: { 200: Proposal, ...errors },
      },
    },
    async (req) => s.sendReply(actorOf(req), req.params.id),
  );
  r.post(
    '/api/proposals/:id/satisfaction',
    {
      config: { permission: 'proposal.manage' },
      schema: {
        tags,
        summary: 'The proposer’s rating of the sent reply (closes the item)',
        params: IdParams,
        body: SatisfactionRecord,
        response: { 200: Proposal, ...errors },
      },
    },
    async (req) => s.rate(actorOf(req), req.params.id, req.body),
  );
}
