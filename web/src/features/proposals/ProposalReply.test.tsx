// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { api } from '../../api/client.ts';
import { fakeAuth, fakeFetch, fakeMe, withProviders } from '../../testing.tsx';
import { ProposalReply } from './ProposalReply.tsx';
import type { Proposal } from './proposals.api.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const item = (over: Partial<Proposal> = {}): Proposal => ({
  id: 'p1',
  proposalNo: '第0017号',
  body: 'npc',
  session: null,
  proposer: '陈代表',
  title: '关于规范城区早夜市经营秩序的建议',
  handlingRole: 'lead',
  leadAgency: null,
  assignedOn: '2024-02-01',
  dueOn: '2024-05-06',
  status: 'handling',
  replyStatus: null,
  satisfaction: null,
  overdue: false,
  taskCount: 1,
  openTasks: 0,
  createdAt: '2024-02-01T01:00:00Z',
  content: '……',
  reply: {
    status: null,
    text: null,
    draftedByName: null,
    submittedAt: null,
    decidedByName: null,
    decidedAt: null,
    decisionNote: null,
    sentAt: null,
  },
  satisfactionNote: null,
  ratedAt: null,
  tasks: [],
  history: [],
  ...over,
});

function show(p: Proposal, roles: Parameters<typeof fakeMe>[0], routes: Parameters<typeof fakeFetch>[0] = {}) {
  const server = fakeFetch(routes);
  vi.stubGlobal('fetch', server.impl);
  api.setCsrfToken('csrf-test');
  const onChanged = vi.fn();
  render(withProviders(<ProposalReply p={p} onChanged={onChanged} />, fakeAuth(fakeMe(roles))));
  return { server, onChanged };
}

const buttons = () =>
  screen
    .queryAllByTestId(/^proposal-(reply|rate)-/)
    .map((el) => el.getAttribute('data-testid'))
    .filter((id) => id?.startsWith('proposal-reply-') && id !== 'proposal-reply-text' && id !== 'proposal-reply-note');

describe('the reply’s buttons follow its state and the reader’s verbs', () => {
  it('lets the office draft, then submit a saved draft', () => {
    show(item({ replyStatus: 'draft', reply: { ...item().reply, status: 'draft', text: '初稿' } }), ['admin']);
    expect(buttons()).toEqual(['proposal-reply-draft', 'proposal-reply-submit']);
  });

  it('shows a leader approve and return on a submitted reply; a return needs its reason', async () => {
    const submitted = item({ replyStatus: 'submitted', reply: { ...item().reply, status: 'submitted', text: '答复' } });
    const approved = item({ replyStatus: 'approved', reply: { ...submitted.reply, status: 'approved' } });
    const { server, onChanged } = show(submitted, ['bureauLeader'], {
      'POST /api/proposals/p1/reply/approve': () => ({ status: 200, body: approved }),
    });
    expect(buttons()).toEqual(['proposal-reply-approve', 'proposal-reply-return']);
    expect(screen.getByTestId('proposal-reply-return')).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByTestId('proposal-reply-approve'));
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith(approved));
    expect(server.calls.at(-1)).toMatchObject({ method: 'POST', url: '/api/proposals/p1/reply/approve' });
  });

  it('offers nothing to change once the reply is sent, and the rating to the office', () => {
    const sent = item({
      status: 'replied',
      replyStatus: 'approved',
      reply: { ...item().reply, status: 'approved', text: '答复', sentAt: '2024-04-01T07:00:00Z' },
    });
    show(sent, ['admin']);
    expect(buttons()).toEqual([]);
    expect(screen.getByTestId('proposal-rate-save')).toBeTruthy();
  });
});
