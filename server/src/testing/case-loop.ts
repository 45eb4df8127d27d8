import { expect } from 'vitest';
import { withAfterPhoto } from './after-photo.ts';
import { as, login, type Session, type TestApp } from './test-app.ts';

/** The internal closing note driveToClosed writes: a public view that shows it leaks staff notes. */
export const INTERNAL_CLOSE_NOTE = '内部：经办人张三13900001111核实，费用走维修基金';

/** The demo city's staff, signed in once per test file (passwords from the demo seed). */
export async function staffSessions(app: TestApp): Promise<Record<string, Session>> {
  const s: Record<string, Session> = {};
  for (const u of ['inspector', 'operator', 'shiftleader', 'dispatcher', 'unitmanager', 'handler', 'leader'])
    s[u] = await login(app, u, 'Demo@12345');
  s.admin = await login(app, 'admin', 'Admin@12345');
  return s;
}

/**
 * One transition as `who`, on the version that person sees; fails the test with the body on any refusal. A report
 * back or check pass without `photoIds` gets one photo uploaded by `who` (photos are required by default); pass
 * `photoIds: []` to send none.
 */
export async function step(
  app: TestApp,
  s: Record<string, Session>,
  who: string,
  id: string,
  body: Record<string, unknown>,
) {
  const api = as(app, s[who] ?? null);
  const current = (await api.get(`/api/cases/${id}`)).json();
  const sent = await withAfterPhoto(app, s[who] ?? null, body);
  const res = await api.post(`/api/cases/${id}/transitions`, { version: current.version, ...sent });
  expect(res.statusCode, `${who} ${String(body.action)}: ${res.body}`).toBe(200);
  return res.json();
}

/**
 * Drives a reported case through the whole loop to 结案 with the demo staff: accept → file → dispatch (环卫) →
 * report back → send check → check passes → close (docs/standards.md, "Workflow stages and roles"). Returns the closed
 * case. `publicReply` is 答复市民, what the reporter reads; `note` the internal 办理意见, which never leaves.
 */
export async function driveToClosed(
  app: TestApp,
  s: Record<string, Session>,
  id: string,
  publicReply = '已处理完毕',
  note = INTERNAL_CLOSE_NOTE,
) {
  const c = (await as(app, s.operator!).get(`/api/cases/${id}`)).json();
  await step(app, s, 'operator', id, { action: 'accept' });
  const conditions = (await as(app, s.shiftleader!).get(`/api/catalog/conditions?matterCode=${c.matterCode}`)).json()
    .items;
  await step(app, s, 'shiftleader', id, {
    action: 'file',
    ...(conditions[0] ? { filingConditionId: conditions[0].id } : {}),
  });
  const sanitation = (await as(app, s.admin!).get('/api/org/units?q=SANITATION')).json().items[0];
  await step(app, s, 'dispatcher', id, { action: 'dispatch', unitId: sanitation.id });
  await step(app, s, 'handler', id, { action: 'report_back', note: '已处置' });
  const inspectorId = (await as(app, s.inspector!).get('/api/auth/me')).json().user.id;
  await step(app, s, 'operator', id, { action: 'send_check', userId: inspectorId });
  await step(app, s, 'inspector', id, { action: 'check_pass' });
  return step(app, s, 'shiftleader', id, { action: 'close', note, publicReply });
}
