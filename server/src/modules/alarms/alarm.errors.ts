import { AppError } from '../../platform/errors.ts';

/** This module's error codes (texts in common/i18n errors.*). */
export const alarmErrors = {
  stale: (version: number) => new AppError('ALARM_STALE', 409, { version }),
  notAllowed: (state: string, action: string) => new AppError('ALARM_ACTION_NOT_ALLOWED', 409, { state, action }),
  /** an offline alarm is about the device, not a problem in the street: it has no matter to file a case under */
  noMatter: () => new AppError('ALARM_NO_MATTER', 409),
  ruleStale: (version: number) => new AppError('ALARM_RULE_STALE', 409, { version }),
  ruleField: (field: string, rule: string, message: string) =>
    new AppError('ALARM_RULE_INVALID', 400, [{ field, rule, message }]),
};
