import { CASE_CHANNELS, type CaseChannel } from './case-channels.ts';
import { maskPublicText } from './privacy.ts';

/**
 * The public-output rule: what a route without a staff session may show of a case (Open311 reads in XML and JSON,
 * the citizen tracking page, public photos). Written out in docs/security.md "Public output"; every public route
 * takes its answer from here, through cases/case-public-view.ts on the server.
 *
 * 1. Channels: only cases of the tenant's public channels (setting `public.channels`, default the citizen
 *    channel, which both the citizen page and Open311 partners file into) exist publicly; any other case is the
 *    same 404 as a missing one and is absent from lists, photos included. 信访 never becomes public.
 * 2. Free text (description, address, status notes): masked by maskPublicText (ID numbers, phones, e-mail,
 *    plates, long numbers, house and room numbers).
 * 3. Staff notes never: they are internal. The reporter reads only what staff write for them: 答复市民 given on
 *    closing (`publicReply` in the closing event's data, apart from its note) and the note of a reply; never who acted.
 *    Photos: the report's and the result's (phases before/after) of public cases only.
 * 4. Coordinates: rounded to PUBLIC_COORDINATE_DECIMALS places (about 100 m), enough for a map pin, not a door.
 */
export const PUBLIC_CHANNELS_SETTING = 'public.channels';
export const DEFAULT_PUBLIC_CHANNELS: readonly CaseChannel[] = ['public'];
/** 信访 petitions: the petitioner's identity and matter are confidential (信访工作条例), whatever the setting says. */
export const NEVER_PUBLIC_CHANNELS: readonly CaseChannel[] = ['petition'];
/** The vocabulary an administrator may choose from. */
export const PUBLISHABLE_CHANNELS = CASE_CHANNELS.filter((c) => !NEVER_PUBLIC_CHANNELS.includes(c));
export type PublishableChannel = Exclude<CaseChannel, 'petition'>;

/** Photo phases the public may see: the report's own photos and the result; check evidence stays internal. */
export const PUBLIC_PHOTO_PHASES = ['before', 'after'] as const;
/** 3 decimal places of a degree: ≤ 111 m north–south, ≤ 97 m east–west at 30°N. */
export const PUBLIC_COORDINATE_DECIMALS = 3;
/** Actions whose note staff write for the reporter; every other note stays internal. */
export const PUBLIC_NOTE_ACTIONS: ReadonlySet<string> = new Set(['reply', 'transfer_accepted']);
/** Actions whose event data carries 答复市民 (`publicReply`); their note is the internal 办理意见 and stays inside. */
export const PUBLIC_REPLY_ACTIONS: ReadonlySet<string> = new Set(['close', 'transfer_closed']);
/** Besides status changes, the public timeline shows these reporter-facing events (without their notes). */
export const PUBLIC_EVENT_ACTIONS: ReadonlySet<string> = new Set(['rate', 'reopen', 'reply']);

/** The stored setting as a channel list; anything malformed falls back to the default, never-public ones dropped. */
export function publicChannelsOf(stored: unknown): PublishableChannel[] {
  if (!Array.isArray(stored)) return [...DEFAULT_PUBLIC_CHANNELS] as PublishableChannel[];
  return [
    ...new Set(stored.filter((c): c is PublishableChannel => (PUBLISHABLE_CHANNELS as readonly unknown[]).includes(c))),
  ];
}

export const isPublicChannel = (channel: string, publicChannels: readonly string[]) =>
  !(NEVER_PUBLIC_CHANNELS as readonly string[]).includes(channel) && publicChannels.includes(channel);

export function publicCoordinate(v: number): number {
  const f = 10 ** PUBLIC_COORDINATE_DECIMALS;
  return Math.round(v * f) / f;
}

export function publicText(text: string): string;
export function publicText(text: string | null | undefined): string | null;
export function publicText(text: string | null | undefined): string | null {
  return text === null || text === undefined ? null : maskPublicText(text);
}

/** 答复市民 from a timeline event's stored data (JSON text or parsed), or null. */
export function publicReplyOf(data: string | Record<string, unknown> | null | undefined): string | null {
  let value: unknown = data;
  if (typeof data === 'string') {
    try {
      value = JSON.parse(data);
    } catch {
      return null;
    }
  }
  const reply = value && typeof value === 'object' ? (value as Record<string, unknown>).publicReply : null;
  return typeof reply === 'string' && reply.trim() ? reply : null;
}

/**
 * What the public may read of a timeline event, masked: 答复市民 of a closing, the note of a reply, nothing else.
 * A closing's note is the internal 办理意见 and never appears, also when no reply was written.
 */
export function publicNote(e: { action: string; note: string | null; data_json?: string | null }): string | null {
  if (PUBLIC_REPLY_ACTIONS.has(e.action)) return publicText(publicReplyOf(e.data_json));
  return PUBLIC_NOTE_ACTIONS.has(e.action) ? publicText(e.note) : null;
}

/** Whether a timeline event appears publicly: status changes and reporter-facing events. */
export const isPublicEvent = (e: { action: string; from_status: string | null; to_status: string | null }) =>
  e.from_status !== e.to_status || PUBLIC_EVENT_ACTIONS.has(e.action);
