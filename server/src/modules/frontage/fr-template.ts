/** The tenant's 责任书 wording (docs/frontage.md, "The 责任书 template"): read, edited with a check, reset. */
import type { AgreementTemplateState } from '../../../../common/contracts/frontage.ts';
import {
  DEFAULT_AGREEMENT_TEMPLATE,
  TEMPLATE_FIELDS,
  TEMPLATE_PLACEHOLDERS,
  templateIssues,
  type AgreementTemplate,
  type TemplateIssue,
} from '../../../../common/domain/frontage-template.ts';
import type { Database } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import type { SettingsService } from '../settings/index.ts';
import { MANAGE, READ } from './fr-context.ts';
import { FR_ERRORS } from './frontage.errors.ts';

export const TEMPLATE_KEY = 'frontage.agreementTemplate';

const known = TEMPLATE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(' ');
const MESSAGE: Record<TemplateIssue['rule'], (i: TemplateIssue) => string> = {
  placeholder: (i) => `unknown placeholder {{${i.name ?? ''}}}; known: ${known}`,
  braces: () => 'a {{ or }} without its pair',
  required: () => 'must not be empty',
  length: (i) => `too long for the ${i.field}`,
};

/** A stored value with the five texts, or null (never edited, or reset). */
const storedTemplate = (value: unknown): AgreementTemplate | null => {
  if (!value || typeof value !== 'object') return null;
  const v = value as Partial<Record<string, unknown>>;
  return Object.fromEntries(
    TEMPLATE_FIELDS.map((f) => [f, typeof v[f] === 'string' ? v[f] : DEFAULT_AGREEMENT_TEMPLATE[f]]),
  ) as AgreementTemplate;
};

export function createFrTemplate(database: Database, settings: SettingsService) {
  const state = async (tenantId: string): Promise<AgreementTemplateState> => {
    const stored = await settings.get(tenantId, TEMPLATE_KEY);
    const template = storedTemplate(stored?.value);
    return {
      template: template ?? DEFAULT_AGREEMENT_TEMPLATE,
      isDefault: template === null,
      updatedAt: stored?.updatedAt ?? null,
      placeholders: [...TEMPLATE_PLACEHOLDERS],
    };
  };
  return {
    /** The wording a 责任书 of this tenant is printed with. */
    templateOf: async (tenantId: string) => (await state(tenantId)).template,

    async template(actor: Actor): Promise<AgreementTemplateState> {
      requirePermission(actor, READ);
      return state(actor.tenantId);
    },

    /** Every fault named by its field (400); settings.put writes the audit row (before → after) in the transaction. */
    async setTemplate(actor: Actor, t: AgreementTemplate): Promise<AgreementTemplateState> {
      requirePermission(actor, MANAGE);
      const issues = templateIssues(t);
      if (issues.length)
        throw new AppError(
          FR_ERRORS.invalid,
          400,
          issues.map((i) => ({ field: `body.${i.field}`, rule: i.rule, message: MESSAGE[i.rule](i) })),
        );
      const clean = Object.fromEntries(TEMPLATE_FIELDS.map((f) => [f, t[f]]));
      await database.db.transaction().execute((tx) => settings.put(tx, actor, TEMPLATE_KEY, clean));
      return state(actor.tenantId);
    },

    /** Back to the built-in wording (stored as null, so a later change of the default reaches this tenant). */
    async resetTemplate(actor: Actor): Promise<AgreementTemplateState> {
      requirePermission(actor, MANAGE);
      await database.db.transaction().execute((tx) => settings.put(tx, actor, TEMPLATE_KEY, null));
      return state(actor.tenantId);
    },
  };
}
export type FrTemplate = ReturnType<typeof createFrTemplate>;
