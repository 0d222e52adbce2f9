import type { Server } from 'node:http';
import type { Logger } from 'pino';

export interface GracefulShutdownOptions {
  server: Server;
  logger: Logger;
  /** After this long, connections still open are cut. */
  timeoutMs: number;
  /** Runs first: end long-lived responses (event streams) so the server can close. */
  onShutdownStarted?: () => void;
  /** Runs after the server has stopped: close the database, release locks. */
  onServerClosed: () => Promise<void>;
  exit: (code: number) => void;
  /** Where signals come from; the process by default, an emitter in tests. */
  signals?: { on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown };
}

/**
 * On SIGTERM or SIGINT: stop accepting connections, let in-flight requests
 * finish (cutting them after the timeout), then close the database and exit.
 * A second signal while draining exits at once.
 */
export function installGracefulShutdown(options: GracefulShutdownOptions): void {
  let shuttingDown = false;
  const shutDown = (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      options.logger.warn({ signal }, 'second signal while shutting down; exiting now');
      options.exit(1);
      return;
    }
    shuttingDown = true;
    options.logger.info({ signal }, 'shutting down: finishing in-flight requests');
    options.onShutdownStarted?.();
    const forceTimer = setTimeout(() => {
      options.logger.warn({ timeoutMs: options.timeoutMs }, 'shutdown timeout reached; closing remaining connections');
      options.server.closeAllConnections();
    }, options.timeoutMs);
    forceTimer.unref();
    options.server.close(() => {
      clearTimeout(forceTimer);
      options
        .onServerClosed()
        .then(() => {
          options.logger.info('shutdown complete');
          options.exit(0);
        })
        .catch((error: unknown) => {
          options.logger.error({ err: error }, 'error while closing resources');
          options.exit(1);
        });
    });
    options.server.closeIdleConnections();
  };
  const signals = options.signals ?? process;
  signals.on('SIGTERM', shutDown);
  signals.on('SIGINT', shutDown);
}
