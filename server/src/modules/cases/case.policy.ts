import type { Expression, SqlBool } from 'kysely';
import { intakeChannels, SELF_HANDLE_ROLES, type CaseChannel } from '../../../../common/domain/case-channels.ts';
import type { Grant, Permission } from '../../../../common/domain/roles.ts';
import { forbidden } from '../../platform/errors.ts';
import { scopeRule, type Actor } from '../auth/index.ts';
import { caseErrors } from './case.errors.ts';

/**
 * Who sees and acts on which case (decision 0001, docs/security.md "Visibility of cases to staff"): each grant
 * carrying the verb reaches the cases of its unit AND its region (a street reaches its communities' cases too);
 * a grant naming neither reaches the tenant; several grants are OR'ed. Anything else is the same 404 as a missing
 * case. The detail check and every list filter come from `caseRule`, so they cannot disagree.
 */
export interface CaseLocation {
  unit_id: string | null;
  street_id: string | null;
  community_id: string | null;
}

const CASE_COLUMNS = { unit: 'unit_id', regions: ['street_id', 'community_id'] } as const;

/** The one visibility rule of cases for a verb (case.read for the console, kpi.read for KPI case lists). */
export const caseRule = (who: { grants: readonly Grant[] }, permission: Permission = 'case.read') =>
  scopeRule(who, permission, CASE_COLUMNS);

export function canSee(actor: Actor, c: CaseLocation): boolean {
  return caseRule(actor).test(c);
}

export function canDo(actor: Actor, permission: Permission, c: CaseLocation): boolean {
  return caseRule(actor, permission).test(c);
}

/** The SQL filter on cases aliased `alias`, from the same rule (null = the whole tenant). */
export function visibilityFilter(
  actor: Actor,
  alias = 'c',
  permission: Permission = 'case.read',
): Expression<SqlBool> | null {
  return caseRule(actor, permission).where(alias);
}

/**
 * 核实 and 核查 are tasks of one inspector: only the user the task was sent to completes it. A 核查 sent to the case's
 * grid (workflow option checkBy) has no user: `gridHolder` says the caller is one of the grid's on-duty inspectors.
 */
export const TASK_ACTIONS: readonly string[] = ['verify', 'check_pass', 'check_fail'];

export function holdsTask(
  actor: Actor,
  action: string,
  c: { task_user_id: string | null },
  gridHolder = false,
): boolean {
  if (!TASK_ACTIONS.includes(action)) return true;
  return c.task_user_id === null ? gridHolder && action !== 'verify' : c.task_user_id === actor.userId;
}

export const maySelfHandle = (actor: Actor): boolean => actor.grants.some((g) => SELF_HANDLE_ROLES.includes(g.role));

/**
 * The channel of a staff report, from the reporter's roles (INTAKE_CHANNEL_OF_ROLE): a user holding several may
 * name one of theirs, anything else is refused by field. 自行处置 is an inspector's report on the inspector channel.
 */
export function intakeChannel(actor: Actor, input: { channel?: CaseChannel; selfHandled?: boolean }): CaseChannel {
  if (input.selfHandled === true && !maySelfHandle(actor)) throw caseErrors.selfHandleForbidden();
  const allowed = intakeChannels(actor.grants.map((g) => g.role));
  if (!allowed.length) throw forbidden('case.report');
  const channel = input.channel ?? (input.selfHandled === true ? 'inspector' : allowed[0]!);
  if (!allowed.includes(channel))
    throw caseErrors.field('body.channel', 'role', `your roles report through: ${allowed.join(', ')}`);
  if (input.selfHandled === true && channel !== 'inspector')
    throw caseErrors.field('body.channel', 'selfHandled', 'a self-handled report is an inspector report');
  return channel;
}
