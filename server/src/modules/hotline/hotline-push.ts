import type { Database } from '../../platform/db.ts';

/**
 * The outbound side to the hotline (办理答复, 退回). Every push is first an outbox row written with the order's
 * change; the adapter chosen by HOTLINE_PUSH then delivers it: 'off' (default) leaves it pending in the outbox for
 * whoever connects the hotline's inbound interface, 'log' writes it to the application log and marks it sent.
 * A real 12345 interface plugs in here as another mode.
 */
export type PushMode = 'off' | 'log';

export interface Push {
  id: string;
  source: string;
  externalNo: string;
  kind: 'reply' | 'return';
  payload: object;
}

export interface PushAdapter {
  mode: PushMode;
  deliver(database: Database, push: Push, now: Date): Promise<void>;
  useLogger(log: { info(obj: object, msg: string): void }): void;
}

export function createPushAdapter(mode: PushMode): PushAdapter {
  let logger: { info(obj: object, msg: string): void } | null = null;
  return {
    mode,
    useLogger(log) {
      logger = log;
    },
    async deliver(database, push, now) {
      if (mode === 'off') return;
      logger?.info(
        {
          hotlinePush: {
            id: push.id,
            source: push.source,
            externalNo: push.externalNo,
            kind: push.kind,
            payload: push.payload,
          },
        },
        'hotline push',
      );
      await database.db
        .updateTable('hotline_pushes')
        .set({ status: 'sent', sent_at: now.toISOString() })
        .where('id', '=', push.id)
        .where('status', '=', 'pending')
        .execute();
    },
  };
}
