import { SATISFACTION, type Satisfaction } from '../../../../common/contracts/case-public.ts';
import { isPublicEvent, publicNote } from '../../../../common/domain/public-output.ts';
import type { ApiClientsTable } from '../../db/schema-open311.ts';
import type { Clock } from '../../platform/clock.ts';
import { isUniqueViolation, type Database } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import { list, w3c, type O311Doc } from './open311-format.ts';
import { dateParam, type Params } from './open311-params.ts';
import { postedUpdateState, updateState } from './open311-status.ts';
import { O311Error } from './open311.errors.ts';
import * as repo from './open311.repository.ts';

/**
 * mySociety's service request updates (docs/open311.md, "Service request updates"): GET gives a client the updates
 * of the
 * requests it sent (status changes and notes written for the public, masked by the public-output rule); POST takes
 * the client's updates, unique per update_id; a REOPEN reopens a closed case within the reopen window, and
 * `attribute[satisfaction]` (satisfied | basically_satisfied | unsatisfied) rates a closed case. A client updates,
 * rates and reopens only the requests it submitted itself (for its user, the reporter): any other request is the
 * same 404 as a missing one.
 */
export interface UpdatesDeps {
  cases: {
    reopen(tenantId: string, caseId: string, r: { reason: string; source: string }): Promise<void>;
    rate(
      tenantId: string,
      caseId: string,
      r: { value: Satisfaction; source: 'open311'; note?: string | null },
    ): Promise<void>;
  };
}

const DAY_MS = 86_400_000;
const MAX_UPDATES = 1000;

export function createOpen311Updates(database: Database, clock: Clock, deps: UpdatesDeps) {
  const { db } = database;

  return {
    /** start_date/end_date on the update time; FixMyStreet sends both or neither (default: the last 24 hours). */
    async list(tenantId: string, client: ApiClientsTable, p: Params): Promise<O311Doc> {
      const end = dateParam(p, 'end_date') ?? clock.now();
      const start = dateParam(p, 'start_date') ?? new Date(end.getTime() - DAY_MS);
      if (start > end) throw O311Error.badRequest('start_date must not be after end_date');
      if (end.getTime() - start.getTime() > 90 * DAY_MS)
        throw O311Error.badRequest('start_date to end_date may not span more than 90 days');
      const events = await repo.timelineOfClient(
        db,
        tenantId,
        client.id,
        start.toISOString(),
        end.toISOString(),
        MAX_UPDATES,
      );
      const updates = events.filter(isPublicEvent).map((e) => ({
        update_id: e.id,
        service_request_id: e.case_no,
        status: updateState({
          action: e.action,
          toStatus: e.to_status,
          fromStatus: e.from_status,
          voidReason: e.void_reason,
        }),
        updated_datetime: w3c(e.at),
        description: publicNote(e) ?? '',
        media_url: '',
        external_status_code: e.action,
      }));
      return { root: 'service_request_updates', body: list('request_update', updates) };
    },

    async post(tenantId: string, client: ApiClientsTable, p: Params, fileCount: number): Promise<O311Doc> {
      const missing = ['service_request_id', 'update_id', 'status', 'updated_datetime', 'description'].filter(
        (n) => p.one(n) === undefined,
      );
      if (missing.length) throw O311Error.badRequest(...missing.map((n) => `${n} is required`));
      if (fileCount > 0) throw O311Error.badRequest('updates take media_url, not uploaded files');
      const updateId = p.one('update_id') as string;
      const description = p.one('description') as string;
      const status = postedUpdateState(p.one('status') as string);
      if (!status)
        throw O311Error.badRequest('status is not one of the update states (e.g. OPEN, FIXED, IN_PROGRESS, REOPEN)');
      const at = dateParam(p, 'updated_datetime') as Date;
      if (updateId.length > 100) throw O311Error.badRequest('update_id is longer than 100 characters');
      if (description.length > 4000) throw O311Error.badRequest('description is longer than 4000 characters');
      const mediaUrls = p.all('media_url').concat(p.all('media_url[]'));
      if (mediaUrls.some((u) => !/^https?:\/\/\S{1,2000}$/i.test(u)))
        throw O311Error.badRequest('media_url must be http(s) URLs');

      // our extension: attribute[satisfaction] rates a closed case (满意率, docs/standards.md, "KPI indicators")
      const rating = p.attributes().get('satisfaction')?.[0];
      if (rating !== undefined && !(SATISFACTION as readonly string[]).includes(rating)) {
        throw O311Error.badRequest(`attribute[satisfaction] must be one of: ${SATISFACTION.join(', ')}`);
      }

      const target = await repo.ownRequestByNo(db, tenantId, client.id, p.one('service_request_id') as string);
      if (!target || target.status === 'voided') throw O311Error.notFound('service_request_id not found');
      if (await repo.updateById(db, tenantId, updateId))
        throw O311Error.badRequest(`update_id ${updateId} already exists`);

      const id = newId();
      try {
        await repo.insertUpdate(db, {
          id,
          tenant_id: tenantId,
          client_id: client.id,
          update_id: updateId,
          case_id: target.id,
          status,
          description,
          updated_datetime: at.toISOString(),
          media_urls_json: JSON.stringify(mediaUrls),
          created_at: clock.now().toISOString(),
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw O311Error.badRequest(`update_id ${updateId} already exists`);
        throw err;
      }
      if (status === 'reopen' || rating !== undefined) {
        try {
          if (rating !== undefined)
            await deps.cases.rate(tenantId, target.id, {
              value: rating as Satisfaction,
              source: 'open311',
              note: description,
            });
          if (status === 'reopen')
            await deps.cases.reopen(tenantId, target.id, { reason: description, source: `Open311 · ${client.name}` });
        } catch (err) {
          // nothing half-written: the update row goes with a refused rating or reopen
          await db.deleteFrom('open311_updates').where('id', '=', id).execute();
          throw err;
        }
      }
      return { root: 'service_request_updates', body: list('request_update', [{ update_id: id }]) };
    },
  };
}
export type Open311Updates = ReturnType<typeof createOpen311Updates>;
