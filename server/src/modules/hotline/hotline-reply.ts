/**
 * The 办理答复 drafted from the case timeline when the case is closed (调查核实情况、处理结果、依据、后续安排:
 * docs/hotline.md, "Intake from 12345"). The operator edits it before it is pushed back; the draft never names
 * staff, only the handling unit.
 */
import { publicReplyOf } from '../../../../common/domain/public-output.ts';
import { resolveFixedOffset } from '../../../../common/domain/work-calendar-time.ts';

export const SOURCE_NAMES: Record<string, string> = {
  '12345': '12345热线',
  minqingtong: '民情通',
  petition: '阳光信访',
};

/** The notice kind of a reply to the caller (notify module, NOTICE_KINDS.reply). */
export const NOTICE_KIND_REPLY = 'case.reply';

/**
 * Setting: per source, whether the 办理答复 is also sent to the caller by SMS, e.g. `{ "petition": true }`.
 * Sources not named keep the default: on for 12345 and 民情通 (the caller asked the bureau through a service
 * line and expects its answer), off for 阳光信访, whose answers follow the formal 信访 procedure (docs/hotline.md).
 */
export const CALLER_REPLY_KEY = 'hotline.callerReply';
export const DEFAULT_CALLER_REPLY: Record<string, boolean> = { '12345': true, minqingtong: true, petition: false };

export function callerReplyAllowed(setting: { value: unknown } | undefined, source: string): boolean {
  const v = setting?.value;
  const configured =
    v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)[source] : undefined;
  return typeof configured === 'boolean' ? configured : (DEFAULT_CALLER_REPLY[source] ?? false);
}

export interface ReplyInput {
  source: string;
  externalNo: string;
  content: string;
  caseNo: string;
  matterName: string | null;
  unitName: string | null;
  filingCondition: string | null;
  closedAt: string | null;
  timeline: readonly { at: string; action: string; note: string | null; data_json?: string | null }[];
}

export function localTime(iso: string, timeZone: string): string {
  const zone = resolveFixedOffset(timeZone);
  const offset = 'offsetMs' in zone ? zone.offsetMs : 8 * 3_600_000;
  return new Date(new Date(iso).getTime() + offset).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * The texts of the given actions, in order. A closing contributes its 答复市民, never its note: the closing note is
 * internal, and this text can reach the caller by SMS (docs/security.md, "Public output").
 */
const notesOf = (t: ReplyInput['timeline'], actions: readonly string[]) =>
  t
    .filter((e) => actions.includes(e.action))
    .map((e) => (e.action === 'close' ? publicReplyOf(e.data_json) : e.note)?.trim() ?? '')
    .filter((text) => text !== '')
    .map((text) => text.replace(/[。；;.，,\s]+$/u, ''));

export function draftReply(r: ReplyInput, timeZone: string): string {
  const verified = notesOf(r.timeline, ['verify', 'accept', 'file']);
  const handled = notesOf(r.timeline, ['report_back', 'self_handle']);
  const checked = notesOf(r.timeline, ['check_pass', 'close']);
  const lines = [
    `【办理答复】${SOURCE_NAMES[r.source] ?? r.source}工单 ${r.externalNo}（数字城管案件 ${r.caseNo}）`,
    `诉求内容：${r.content}`,
    `调查核实情况：${verified.length ? `${verified.join('；')}。` : `经现场核实，反映的「${r.matterName ?? '问题'}」情况属实，已按数字城管流程立案处置。`}`,
    `处理结果：${handled.length ? handled.join('；') : '已处置完毕'}${r.unitName ? `（处置单位：${r.unitName}）` : ''}。${checked.length ? `核查情况：${checked.join('；')}。` : ''}`,
    `依据：${r.filingCondition ? `立案条件「${r.filingCondition}」` : '《数字化城市管理信息系统》立结案标准'}${r.closedAt ? `，已于 ${localTime(r.closedAt, timeZone)} 结案。` : '。'}`,
    '后续安排：我局将加强该区域日常巡查，防止问题反弹；如仍有问题，欢迎再次反映。',
  ];
  return lines.join('\n');
}
