import { tryT, type Locale } from '../../../../common/i18n/core.ts';
import { CASE_CHANNELS, CLOSE_TYPES, VOID_REASONS } from '../../../../common/domain/case-channels.ts';
import { LIMIT_UNITS } from '../../../../common/domain/work-calendar.ts';

/** Label of a closed-vocabulary value; the raw value when a newer server sends one we do not know yet. */
const label = (locale: Locale, key: string, fallback: string) => tryT(locale, key) ?? fallback;

export const statusLabel = (locale: Locale, status: string) => label(locale, `cases.status.${status}`, status);
export const inboxLabel = (locale: Locale, inbox: string) => label(locale, `cases.inbox.${inbox}`, inbox);
export const actionLabel = (locale: Locale, action: string) => label(locale, `cases.action.${action}`, action);
export const channelLabel = (locale: Locale, channel: string) => label(locale, `cases.channel.${channel}`, channel);
export const roleLabel = (locale: Locale, role: string) => label(locale, `roles.${role}`, role);
export const closeTypeLabel = (locale: Locale, value: string) => label(locale, `cases.closeType.${value}`, value);
export const voidReasonLabel = (locale: Locale, value: string) => label(locale, `cases.voidReason.${value}`, value);
export const requestLabel = (locale: Locale, kind: string) => label(locale, `cases.request.${kind}`, kind);
export const limitUnitLabel = (locale: Locale, unit: string) => label(locale, `catalog.limitUnit.${unit}`, unit);

const options = <V extends string>(values: readonly V[], of: (value: V) => string) =>
  values.map((value) => ({ value, label: of(value) }));
export const channelOptions = (locale: Locale) => options(CASE_CHANNELS, (v) => channelLabel(locale, v));
export const closeTypeOptions = (locale: Locale) => options(CLOSE_TYPES, (v) => closeTypeLabel(locale, v));
export const voidReasonOptions = (locale: Locale) => options(VOID_REASONS, (v) => voidReasonLabel(locale, v));
export const limitUnitOptions = (locale: Locale) => options(LIMIT_UNITS, (v) => limitUnitLabel(locale, v));

/** Tag colours per status: intake blue, filing/dispatch purple, handling orange, check cyan, terminal green/grey. */
export const STATUS_COLORS: Readonly<Record<string, string>> = {
  reported: 'blue',
  verifying: 'geekblue',
  pending_filing: 'purple',
  pending_dispatch: 'magenta',
  handling: 'orange',
  suspended: 'default',
  transferred: 'gold',
  reported_back: 'cyan',
  checking: 'cyan',
  pending_close: 'lime',
  closed: 'success',
  voided: 'default',
};
