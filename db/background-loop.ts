import type { Logger } from 'pino';
import { runInBackground } from './background-statements.js';

export interface BackgroundLoopOptions {
  /** One pass of the work; resolves with how much it did. */
  pass: () => Promise<number>;
  /** Pause after a pass before the next one. */
  intervalMs: number;
  /** Logged (with the error's message) when a pass fails; the loop goes on. */
  failureMessage: string;
  logger?: Pick<Logger, 'error'>;
}

export interface BackgroundLoop {
  /** Runs a pass now, or joins the one already running; never rejects. */
  run(): Promise<number>;
  /** The pass under way, if any. */
  readonly running: Promise<number> | undefined;
  /** True once `stop` was called: a long pass should end early. */
  readonly stopped: boolean;
  /** Runs the next pass at once instead of after the interval; during a pass, right after it. */
  wake(): void;
  /** No further passes; resolves when the running one has ended. */
  stop(): Promise<void>;
}

/**
 * A pass of background work (`runInBackground`) now and then every
 * `intervalMs` after the previous one ends, one at a time, its failures
 * logged rather than thrown: the outbox worker and the recovery sweep.
 */
export function startBackgroundLoop(options: BackgroundLoopOptions): BackgroundLoop {
  let stopped = false;
  let running: Promise<number> | undefined;
  let timer: NodeJS.Timeout | undefined;
  /** A wake came while a pass ran: that pass may have looked before the work arrived. */
  let wokenDuringPass = false;

  function run(): Promise<number> {
    running ??= runInBackground(options.pass)
      .catch((error: unknown) => {
        options.logger?.error({ error: error instanceof Error ? error.message : String(error) }, options.failureMessage);
        return 0;
      })
      .finally(() => {
        running = undefined;
        const again = wokenDuringPass;
        wokenDuringPass = false;
        schedule(again ? 0 : options.intervalMs);
      });
    return running;
  }

  function schedule(delayMs: number): void {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void run(), delayMs);
    timer.unref();
  }
  schedule(0);

  return {
    run,
    get running() {
      return running;
    },
    get stopped() {
      return stopped;
    },
    wake() {
      if (running) wokenDuringPass = true;
      else schedule(0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      if (running) await running;
    },
  };
}
