import type { FormRule } from 'antd';
import { PASSWORD_MIN_LENGTH, passwordProblems } from '../../../../common/domain/password-policy.ts';
import { rulesFromSchema } from '../../components/schemaRules.ts';
import type { Translate } from '../../i18n/context.ts';

/**
 * Rules of a field that sets a password: required and the contract's maximum, then the server's password policy
 * (common/domain/password-policy.ts, length included) naming every broken rule in the words the server would use.
 * `username` is read when the field is validated.
 */
export function passwordRules(schema: unknown, t: Translate, username: () => string | null | undefined): FormRule[] {
  const maxLength = (schema as { maxLength?: number }).maxLength;
  return [
    ...rulesFromSchema({ type: 'string', maxLength }, t, { required: true }),
    {
      validator: (_rule, value: string | undefined) => {
        if (!value) return Promise.resolve();
        const problems = passwordProblems(value, { username: username() });
        if (problems.length === 0) return Promise.resolve();
        return Promise.reject(
          new Error(problems.map((rule) => t(`validation.${rule}`, { min: PASSWORD_MIN_LENGTH })).join(' · ')),
        );
      },
    },
  ];
}
