import type { Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import * as repo from './notify.repository.ts';

/** A row for the `notifications` outbox; `phone: null` is an in-app notice for the staff member `userId`. */
export interface OutboxNotice {
  tenantId: string;
  caseId: string | null;
  userId?: string | null;
  phone: string | null;
  kind: string;
  message: string;
  /** the instant of the change the notice reports */
  createdAt: string;
}

/**
 * Adds a notice to the outbox inside the caller's transaction, so the notice exists exactly when the change it
 * reports does. The only writer of `notifications` besides the dispatcher (docs/architecture.md, "Table ownership").
 */
export async function enqueueNotice(executor: Executor, notice: OutboxNotice): Promise<string> {
  const id = newId();
  await repo.insertNotice(executor, {
    id,
    tenant_id: notice.tenantId,
    case_id: notice.caseId,
    user_id: notice.userId ?? null,
    phone: notice.phone,
    kind: notice.kind,
    message: notice.message,
    created_at: notice.createdAt,
  });
  return id;
}

/** `enqueueNotice` for many notices in a few statements (a batch of sensor alarms), in the caller's transaction. */
export async function enqueueNotices(executor: Executor, notices: readonly OutboxNotice[]): Promise<void> {
  await repo.insertNotices(
    executor,
    notices.map((notice) => ({
      id: newId(),
      tenant_id: notice.tenantId,
      case_id: notice.caseId,
      user_id: notice.userId ?? null,
      phone: notice.phone,
      kind: notice.kind,
      message: notice.message,
      created_at: notice.createdAt,
    })),
  );
}
