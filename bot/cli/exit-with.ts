import { DataDirLockedError } from '../../db/data-dir-locked-error.js';
import { ConfigError } from '../config.js';

/**
 * Runs a command-line entry point and exits with its code; a failure is one
 * line on stderr and a sysexits-style code: 78 for bad configuration, 75 when
 * the embedded database is held by the running service (with `whileLocked`,
 * what to do instead), 1 otherwise.
 */
export function exitWith(main: () => Promise<number>, whileLocked: string): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof ConfigError) {
        process.stderr.write(`${error.message}\n`);
        process.exit(78);
      }
      if (error instanceof DataDirLockedError) {
        process.stderr.write(`${error.message}\n${whileLocked}\n`);
        process.exit(75);
      }
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
