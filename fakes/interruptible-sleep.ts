/**
 * Delays a fake server can cut short: a scripted slow answer must not keep a
 * test waiting after the server was closed.
 */
export function createInterruptibleSleep() {
  const sleepers = new Set<() => void>();
  return {
    sleep(milliseconds: number): Promise<void> {
      return new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          sleepers.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, milliseconds);
        sleepers.add(wake);
      });
    },
    /** Ends every pending sleep now. */
    wakeAll(): void {
      for (const wake of [...sleepers]) wake();
    },
  };
}
