import { AppError, invalidField } from '../../platform/errors.ts';

/** Error codes of citizens' participation (docs/conventions.md, "Errors"); texts in the `errors` i18n catalog. */
export const participationErrors = {
  /** A closed case takes no supporters nor subscribers: the problem, if back, is a new report. */
  caseClosed: () => new AppError('PARTICIPATION_CASE_CLOSED', 409),
  /** No gateway for the channel: nothing could ever be delivered, so nothing is promised. */
  channelUnavailable: (channel: string) => new AppError('PARTICIPATION_CHANNEL_UNAVAILABLE', 409, { channel }),
  badPhone: () => invalidField('body.address', 'pattern', 'a mainland mobile number (11 digits)'),
};
