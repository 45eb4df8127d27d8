/** 停工通知书 on a site, and 交办函/督办函 to townships with their replies. */
import type {
  IcLetter,
  IcLetterCreate,
  IcLetterQuery,
  IcLetterReply,
  IcStopNotice,
  IcStopNoticeCreate,
  IcStopNoticeQuery,
} from '../../../../common/contracts/illegal-construction.ts';
import { IC_LETTER_SORTS, IC_NOTICE_SORTS } from '../../../../common/contracts/illegal-construction.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { IcLettersTable, IcStopNoticesTable } from '../../db/schema-lines.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { listWindow } from '../../platform/paging.ts';
import { reaches, registerScope, requirePermission, type Actor } from '../auth/index.ts';
import { MANAGE, READ, sorts, type IcContext } from './ic-context.ts';
import { icErrors } from './ic.errors.ts';
import * as repo from './ic.repository.ts';

const NOTICE_SORTS = sorts(IC_NOTICE_SORTS, { issuedOn: 'issued_on', noticeNo: 'notice_no' });
const LETTER_SORTS = sorts(IC_LETTER_SORTS, { issuedOn: 'issued_on', deadline: 'deadline', letterNo: 'letter_no' });

function noticeView(
  r: IcStopNoticesTable & { report_address: string; region_id: string },
  regions: Map<string, string>,
) {
  return {
    id: r.id,
    reportId: r.report_id,
    reportAddress: r.report_address,
    regionName: regions.get(r.region_id) ?? null,
    noticeNo: r.notice_no,
    issuedOn: r.issued_on,
    enforcementCaseId: r.enforcement_case_id,
    documentId: r.document_id,
    note: r.note,
    createdAt: r.created_at,
  } satisfies IcStopNotice;
}

function letterView(r: IcLettersTable, regions: Map<string, string>, now: string): IcLetter {
  return {
    id: r.id,
    kind: r.kind,
    letterNo: r.letter_no,
    regionId: r.region_id,
    regionName: regions.get(r.region_id) ?? null,
    reportId: r.report_id,
    subject: r.subject,
    issuedOn: r.issued_on,
    deadline: r.deadline,
    repliedOn: r.replied_on,
    reply: r.reply,
    overdue: r.replied_on === null && r.deadline < now,
    createdAt: r.created_at,
  };
}

export function createIcNotices({
  db,
  clock,
  audit,
  stopNotices,
  today,
  names,
  township,
  notFuture,
  reportInScope,
  moveSite,
  uniqueOr,
}: IcContext) {
  return {
    async listNotices(actor: Actor, q: IcStopNoticeQuery): Promise<Page<IcStopNotice>> {
      requirePermission(actor, READ);
      const w = listWindow(q, NOTICE_SORTS, 'issuedOn');
      const { rows, total } = await repo.listNotices(db, actor.tenantId, q, registerScope(actor, READ, 'r', true), {
        ...w,
        order: q.order ?? (q.sort ? 'asc' : 'desc'),
      });
      const n = await names(
        actor.tenantId,
        rows.map((r) => r.region_id),
        [],
      );
      return { items: rows.map((r) => noticeView(r, n.regions)), total, page: w.page, pageSize: w.limit };
    },

    /** Records a 停工通知书 and stops the site (reported → stopped) in one transaction. */
    async createNotice(actor: Actor, input: IcStopNoticeCreate): Promise<IcStopNotice> {
      requirePermission(actor, MANAGE);
      notFuture(input.issuedOn, 'body.issuedOn');
      const id = newId();
      await uniqueOr('body.noticeNo', () =>
        db.transaction().execute(async (tx) => {
          const site = await reportInScope(tx, actor, input.reportId, MANAGE);
          if (!site) throw icErrors.unknownReport();
          if (site.status === 'demolished' || site.status === 'legalised') throw icErrors.siteClosed(site.status);
          if (input.issuedOn < site.reported_on) throw icErrors.dateOrder('body.issuedOn', site.reported_on);
          // Issued through the enforcement module (its 文号 sequence, .docx and PDF) unless a paper notice's number
          // is given; the document rolls back with this transaction if anything below fails.
          const document = input.noticeNo?.trim()
            ? null
            : await stopNotices.issueStopNotice(tx, actor, {
                siteId: site.id,
                partyName: site.party_name,
                address: site.address,
                facts: site.description,
                issuedOn: input.issuedOn,
              });
          const row: IcStopNoticesTable = {
            id,
            tenant_id: actor.tenantId,
            report_id: site.id,
            notice_no: document?.docNo ?? (input.noticeNo ?? '').trim(),
            issued_on: input.issuedOn,
            enforcement_case_id: input.enforcementCaseId ?? null,
            note: input.note?.trim() || null,
            document_id: document?.id ?? null,
            created_by: actor.userId,
            created_at: clock.now().toISOString(),
          };
          await repo.insertNotice(tx, row);
          await audit.record(tx, actor, actor.tenantId, {
            action: 'ic_notice.create',
            entity: 'ic_stop_notice',
            entityId: id,
            after: row,
          });
          await moveSite(tx, actor, site, 'stopped', input.issuedOn);
        }),
      );
      const row = await repo.findNotice(db, actor.tenantId, id);
      if (!row) throw notFound('ic_stop_notice');
      return noticeView(row, (await names(actor.tenantId, [row.region_id], [])).regions);
    },

    /** The notice's document as .docx or PDF, for whoever may read the site. */
    async noticeFile(actor: Actor, id: string, format: 'docx' | 'pdf') {
      requirePermission(actor, READ);
      const row = await repo.findNotice(db, actor.tenantId, id);
      if (!row || !row.document_id || !(await reportInScope(db, actor, row.report_id, READ)))
        throw notFound('ic_stop_notice');
      return stopNotices.file(actor.tenantId, row.report_id, row.document_id, format);
    },

    async listLetters(actor: Actor, q: IcLetterQuery): Promise<Page<IcLetter>> {
      requirePermission(actor, READ);
      const w = listWindow(q, LETTER_SORTS, 'issuedOn');
      const { rows, total } = await repo.listLetters(db, actor.tenantId, q, registerScope(actor, READ, 'l', false), {
        ...w,
        order: q.order ?? (q.sort ? 'asc' : 'desc'),
      });
      const n = await names(
        actor.tenantId,
        rows.map((r) => r.region_id),
        [],
      );
      const now = today();
      return { items: rows.map((r) => letterView(r, n.regions, now)), total, page: w.page, pageSize: w.limit };
    },

    async getLetter(actor: Actor, id: string): Promise<IcLetter> {
      requirePermission(actor, READ);
      const row = await repo.findLetter(db, actor.tenantId, id);
      if (!row || !reaches(actor, READ, row)) throw notFound('ic_letter');
      return letterView(row, (await names(actor.tenantId, [row.region_id], [])).regions, today());
    },

    async createLetter(actor: Actor, input: IcLetterCreate): Promise<IcLetter> {
      requirePermission(actor, MANAGE);
      notFuture(input.issuedOn, 'body.issuedOn');
      if (input.deadline < input.issuedOn) throw icErrors.dateOrder('body.deadline', input.issuedOn);
      const region = await township(db, actor.tenantId, input.regionId);
      requirePermission(actor, MANAGE, { regionPath: region.path });
      const now = clock.now().toISOString();
      const row: IcLettersTable = {
        id: newId(),
        tenant_id: actor.tenantId,
        kind: input.kind,
        letter_no: input.letterNo.trim(),
        region_id: region.id,
        report_id: input.reportId ?? null,
        subject: input.subject.trim(),
        issued_on: input.issuedOn,
        deadline: input.deadline,
        replied_on: null,
        reply: null,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      };
      await uniqueOr('body.letterNo', () =>
        db.transaction().execute(async (tx) => {
          if (row.report_id && !(await reportInScope(tx, actor, row.report_id, MANAGE))) throw icErrors.unknownReport();
          await repo.insertLetter(tx, row);
          await audit.record(tx, actor, actor.tenantId, {
            action: 'ic_letter.create',
            entity: 'ic_letter',
            entityId: row.id,
            after: row,
          });
        }),
      );
      return letterView(row, new Map([[region.id, region.name]]), today());
    },

    /** The township's reply, once; its date is on or after the letter's. */
    async replyLetter(actor: Actor, id: string, input: IcLetterReply): Promise<IcLetter> {
      requirePermission(actor, MANAGE);
      notFuture(input.repliedOn, 'body.repliedOn');
      await db.transaction().execute(async (tx) => {
        const before = await repo.findLetter(tx, actor.tenantId, id);
        if (!before || !reaches(actor, MANAGE, before)) throw notFound('ic_letter');
        if (before.replied_on !== null) throw icErrors.alreadyReplied();
        if (input.repliedOn < before.issued_on) throw icErrors.dateOrder('body.repliedOn', before.issued_on);
        const changes = {
          replied_on: input.repliedOn,
          reply: input.reply.trim(),
          updated_at: clock.now().toISOString(),
        };
        await repo.updateLetter(tx, actor.tenantId, id, changes);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'ic_letter.reply',
          entity: 'ic_letter',
          entityId: id,
          before: { replied_on: null },
          after: changes,
        });
      });
      const row = await repo.findLetter(db, actor.tenantId, id);
      if (!row) throw notFound('ic_letter');
      return letterView(row, (await names(actor.tenantId, [row.region_id], [])).regions, today());
    },
  };
}
