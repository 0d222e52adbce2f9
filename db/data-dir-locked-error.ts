import { AppError } from '../bot/errors/app-error.js';

/** Another live process owns the data directory; using it too would lose writes. */
export class DataDirLockedError extends AppError {
  override readonly name = 'DataDirLockedError';
  readonly isRetryable = false;

  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      `The data directory ${dataDir} is in use by another process (pid ${ownerPid}). ` +
        'Stop that process first, or set DATA_DIR to another directory.',
    );
  }
}
