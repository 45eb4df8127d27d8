/**
 * EXTENSION POINT — the message gateway that carries notices to citizens. Two gateways ship:
 * - `log` (default): writes the notice to the application log with the phone masked; no network at all;
 * - `http`: POSTs JSON to a provider adapter (SMS_HTTP_URL, bearer SMS_HTTP_TOKEN). Any 2xx is "sent"; anything
 *   else, a timeout or a refused connection throws, and the dispatcher retries with back-off.
 * A real provider (Aliyun SMS, Tencent Cloud SMS, a provincial 短信平台) is plugged in behind the HTTP adapter or as
 * another implementation of `MessageGateway`.
 */
import { maskPhone } from '../../../../common/domain/privacy.ts';
import type { Config } from '../../config.ts';

/**
 * Notices that carry a one-time secret, with how long it is valid (the lookup code, docs/security.md "Lookup by case
 * number and phone"): never written to the log, blanked in the outbox once sent or given up, and dropped unsent when
 * not sent within its validity.
 */
export const ONE_TIME_NOTICES: Readonly<Record<string, number>> = { 'lookup.code': 10 * 60_000 };

export interface OutgoingNotice {
  /** the outbox row id: providers that de-duplicate can use it as their idempotency key */
  id: string;
  phone: string;
  text: string;
  kind: string;
  caseNo: string | null;
}

export interface MessageGateway {
  readonly name: string;
  /** Resolves when the provider accepted the message; throws with a short reason otherwise. */
  send(notice: OutgoingNotice): Promise<{ providerId: string | null }>;
}

/** The part of a pino/Fastify logger the gateway needs. */
export interface NoticeLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export const silentLog: NoticeLog = { info: () => undefined, warn: () => undefined };

export function createLogGateway(log: () => NoticeLog): MessageGateway {
  return {
    name: 'log',
    async send(notice) {
      // The phone is personal data: masked in logs (common/domain/privacy.ts).
      log().info(
        {
          notice: {
            id: notice.id,
            to: maskPhone(notice.phone),
            kind: notice.kind,
            caseNo: notice.caseNo,
            // a one-time code is a secret: the log is read by more people than the phone's owner
            text: notice.kind in ONE_TIME_NOTICES ? '[one-time code]' : notice.text,
          },
        },
        'citizen notice (log gateway)',
      );
      return { providerId: null };
    },
  };
}

export function createHttpGateway(options: {
  url: string;
  token: string | null;
  timeoutMs: number;
  fetch?: typeof fetch;
}): MessageGateway {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  return {
    name: 'http',
    async send(notice) {
      let res: Response;
      try {
        res = await doFetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          },
          body: JSON.stringify({
            id: notice.id,
            phone: notice.phone,
            text: notice.text,
            kind: notice.kind,
            caseNo: notice.caseNo,
          }),
          signal: AbortSignal.timeout(options.timeoutMs),
        });
      } catch (err) {
        const name = err instanceof Error ? err.name : '';
        throw new Error(
          name === 'TimeoutError'
            ? `timeout after ${options.timeoutMs} ms`
            : `unreachable: ${err instanceof Error ? err.message : String(err)}`,
          { cause: err },
        );
      }
      const text = await res.text().catch(() => '');
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return { providerId: providerIdOf(text) };
    },
  };
}

function providerIdOf(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { id?: unknown; messageId?: unknown; bizId?: unknown };
    const id = parsed.messageId ?? parsed.bizId ?? parsed.id;
    return typeof id === 'string' || typeof id === 'number' ? String(id).slice(0, 100) : null;
  } catch {
    return null;
  }
}

/** The gateway the configuration names: `log` unless SMS_GATEWAY=http with a URL. */
export function gatewayFromConfig(sms: Config['sms'], log: () => NoticeLog): MessageGateway {
  if (sms.gateway === 'http' && sms.httpUrl)
    return createHttpGateway({ url: sms.httpUrl, token: sms.httpToken, timeoutMs: sms.timeoutMs });
  return createLogGateway(log);
}
