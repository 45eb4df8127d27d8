import { AppError } from '../../platform/errors.ts';

export const importErrors = {
  /** The user who uploaded was disabled or removed before the job ran. */
  userGone: () => new AppError('IMPORT_USER_INACTIVE', 403),
  /** The job's runner stopped this many times: it is not tried again (a file that kills its runner). */
  abandoned: (attempts: number) => new AppError('IMPORT_ABANDONED', 500, { attempts }),
  /** An unexpected failure; the log has the cause under the job id. */
  failed: () => new AppError('IMPORT_FAILED', 500),
};
