import type { EnforcementStage } from '../../../../common/domain/enforcement-lifecycle.ts';
import { formatFen } from '../../../../common/domain/enforcement-money.ts';
import { tryT, type Locale } from '../../../../common/i18n/core.ts';

export const STAGE_COLORS: Record<EnforcementStage, string> = {
  filing: 'orange',
  investigating: 'blue',
  correcting: 'geekblue',
  legal_review: 'purple',
  collective_discussion: 'purple',
  notifying: 'gold',
  deciding: 'volcano',
  serving: 'cyan',
  executing: 'magenta',
  closed: 'green',
  archived: 'default',
};

export const label = (
  locale: Locale,
  group: 'stage' | 'procedure' | 'source' | 'partyKind' | 'decisionKind' | 'evidenceKind' | 'action',
  key: string,
) => tryT(locale, `enforcement.${group}.${key}`) ?? key;

/** Fen as yuan with the currency sign, or a dash. */
export const yuan = (fen: number | null | undefined) =>
  fen === null || fen === undefined ? '—' : `¥${formatFen(fen)}`;
