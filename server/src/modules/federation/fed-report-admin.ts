import type {
  ReportUpConfig,
  ReportUpConfigInput,
  ReportUpOverview,
  ReportUpTestResult,
} from '../../../../common/contracts/report-up.ts';
import type { ReportUpState } from '../../../../common/contracts/federation.ts';
import { zonedDate } from '../../../../common/domain/zoned-time.ts';
import type { FedReportConfigTable } from '../../db/schema-federation.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { tenantColumns } from '../org/index.ts';
import { MANAGE, READ, type FedContext } from './fed-context.ts';
import { currentMonth, writeMonthFiles, type FedKpi } from './fed-report-month.ts';
import { createReportPush } from './fed-report-push.ts';
import { createReportUp } from './fed-report-up.ts';
import * as store from './fed-report.repository.ts';
import { fedErrors } from './federation.errors.ts';
import * as repo from './federation.repository.ts';

const DEFAULT_BATCH = 200;
const RUNS_SHOWN = 20;

/** Without stored settings a tenant reports by file only, and nothing is ever posted anywhere. */
const defaults = (tenantId: string): FedReportConfigTable => ({
  tenant_id: tenantId,
  mode: 'file',
  endpoint: null,
  token_cipher: null,
  hmac_cipher: null,
  batch_size: DEFAULT_BATCH,
  updated_by: '',
  updated_at: '',
});

/** The endpoint must be an http(s) URL without credentials in it (those go in the token, stored encrypted). */
function checkEndpoint(endpoint: string) {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw fedErrors.field('body.endpoint', 'format', 'not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw fedErrors.field('body.endpoint', 'format', 'the endpoint must be an http or https URL');
  if (url.username || url.password)
    throw fedErrors.field('body.endpoint', 'format', 'put credentials in the token, not in the URL');
}

/**
 * Report-up as an administrator and the scheduler see it (docs/federation.md, "Report-up"): the settings (mode,
 * endpoint, token and HMAC secret encrypted like the federation keys), the watermarks with their retry state, the
 * run log, the connection test, and the runs over both channels (daily cases and monthly statistics).
 */
export function createReportAdmin(ctx: FedContext, kpi: FedKpi) {
  const { db } = ctx;
  const files = createReportUp(ctx);
  const push = createReportPush(ctx, kpi, files.records);

  const configOf = async (tenantId: string) => (await store.reportConfig(db, tenantId)) ?? defaults(tenantId);
  const codeOf = async (tenantId: string) => (await tenantColumns(db, tenantId, ['code']))?.code ?? null;
  const hasFiles = (c: FedReportConfigTable) => c.mode !== 'push';

  const view = (c: FedReportConfigTable): ReportUpConfig => ({
    mode: c.mode,
    endpoint: c.endpoint,
    hasToken: !!c.token_cipher,
    hasSecret: !!c.hmac_cipher,
    batchSize: Number(c.batch_size),
    updatedAt: c.updated_at || null,
  });

  async function overview(tenantId: string, written: string[] = []): Promise<ReportUpOverview> {
    const [mark, cfg, cursors, runs] = await Promise.all([
      repo.reportMark(db, tenantId),
      configOf(tenantId),
      store.cursors(db, tenantId),
      store.lastRuns(db, tenantId, RUNS_SHOWN),
    ]);
    return {
      lastDay: mark?.last_day ?? null,
      files: written,
      timeZone: ctx.timeZone,
      config: view(cfg),
      cursors: cursors.map((c) => ({
        channel: c.channel,
        kind: c.kind,
        last: c.last,
        attempts: Number(c.attempts),
        nextAttemptAt: c.next_attempt_at,
        lastError: c.last_error,
      })),
      runs: runs.map((r) => ({
        id: r.id,
        channel: r.channel,
        kind: r.kind,
        period: r.period,
        ok: !!Number(r.ok),
        records: Number(r.records),
        error: r.error,
        at: r.at,
      })),
    };
  }

  return {
    overview: (actor: Actor) => {
      requirePermission(actor, READ);
      return overview(actor.tenantId);
    },

    async saveConfig(actor: Actor, input: ReportUpConfigInput): Promise<ReportUpOverview> {
      requirePermission(actor, MANAGE);
      const endpoint = input.endpoint?.trim() || null;
      if (endpoint) checkEndpoint(endpoint);
      if (input.mode !== 'file' && !endpoint)
        throw fedErrors.field('body.endpoint', 'required', 'push needs the higher platform’s endpoint');
      const old = await configOf(actor.tenantId);
      // left out: keep the stored secret; empty: clear it
      const secret = (given: string | undefined, stored: string | null) =>
        given === undefined ? stored : given.trim() ? ctx.pii.encrypt(given.trim()) : null;
      const row: FedReportConfigTable = {
        tenant_id: actor.tenantId,
        mode: input.mode,
        endpoint,
        token_cipher: secret(input.token, old.token_cipher),
        hmac_cipher: secret(input.secret, old.hmac_cipher),
        batch_size: input.batchSize ?? Number(old.batch_size),
        updated_by: actor.userId,
        updated_at: ctx.now(),
      };
      await db.transaction().execute(async (tx) => {
        await store.saveReportConfig(tx, row);
        // the audit row names what changed, never a token or secret
        await ctx.audit.record(tx, actor, actor.tenantId, {
          action: 'federation.report_up.configure',
          entity: 'federation_report_up',
          entityId: actor.tenantId,
          before: view(old),
          after: view(row),
        });
      });
      return overview(actor.tenantId);
    },

    async test(actor: Actor): Promise<ReportUpTestResult> {
      requirePermission(actor, MANAGE);
      const cfg = await configOf(actor.tenantId);
      if (!cfg.endpoint) throw fedErrors.field('body.endpoint', 'required', 'save an endpoint first');
      return push.ping(cfg, (await codeOf(actor.tenantId)) ?? '', ctx.clock.now());
    },

    /** Writes or posts from a chosen day (and month) again, or continues from the watermarks. */
    async runNow(actor: Actor, from: string | undefined): Promise<ReportUpState> {
      requirePermission(actor, MANAGE);
      const now = ctx.clock.now();
      if (from && from >= zonedDate(now, ctx.timeZone))
        throw fedErrors.field('body.from', 'range', 'only complete days are reported');
      const tenantId = actor.tenantId;
      const code = await codeOf(tenantId);
      const cfg = await configOf(tenantId);
      const written: string[] = [];
      let pushed = { records: 0, months: 0 };
      if (code) {
        const fromMonth = from && from.slice(0, 7) < currentMonth(now, ctx.timeZone) ? from.slice(0, 7) : undefined;
        if (hasFiles(cfg)) {
          written.push(...(await files.run(tenantId, now, from)));
          written.push(...(await writeMonthFiles(ctx, kpi, tenantId, code, now, fromMonth)));
        }
        pushed = await push.run(cfg, code, now, { from, fromMonth, force: true });
      }
      const mark = await repo.reportMark(db, tenantId);
      await db.transaction().execute((tx) =>
        ctx.audit.record(tx, actor, tenantId, {
          action: 'federation.report_up.run',
          entity: 'federation_report_up',
          entityId: tenantId,
          after: { from: from ?? null, files: written.length, pushed },
        }),
      );
      return { lastDay: mark?.last_day ?? null, files: written };
    },

    /** The scheduled job for one tenant: the file drop when a drop folder is configured, the push when set up. */
    async scheduled(tenantId: string, now: Date, fileJob: boolean) {
      const code = await codeOf(tenantId);
      if (!code) return { files: 0, records: 0, months: 0 };
      const cfg = await configOf(tenantId);
      let written = 0;
      if (fileJob && hasFiles(cfg)) {
        written += (await files.run(tenantId, now)).length;
        written += (await writeMonthFiles(ctx, kpi, tenantId, code, now)).length;
      }
      return { files: written, ...(await push.run(cfg, code, now)) };
    },
  };
}
