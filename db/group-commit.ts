export interface GroupCommitOptions {
  /** Most items one statement takes; the rest wait for the next. */
  maxBatch?: number;
}

const defaultMaxBatch = 64;

/**
 * Writes many callers' rows with one statement (group commit): an item waits
 * until the event loop has read every request that arrived with it, and while
 * a batch is being written; then everything waiting goes in the next batch. A
 * caller alone waits one turn of the event loop; under a stream of webhooks
 * a few rows share each statement's fixed cost (parsing, planning, the
 * commit). `write` returns one outcome per item, in order; when it fails,
 * every item of that batch gets the error and nothing of it was written (one
 * statement is atomic).
 */
export function createGroupCommit<Item, Outcome>(write: (items: Item[]) => Promise<Outcome[]>, options: GroupCommitOptions = {}) {
  const maxBatch = options.maxBatch ?? defaultMaxBatch;
  type Waiting = { item: Item; resolve: (outcome: Outcome) => void; reject: (error: unknown) => void };
  const waiting: Waiting[] = [];
  let scheduled = false;

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => void writeBatch());
  }

  async function writeBatch(): Promise<void> {
    const batch = waiting.splice(0, maxBatch);
    try {
      const outcomes = await write(batch.map((entry) => entry.item));
      if (outcomes.length !== batch.length) throw new Error(`A group commit wrote ${batch.length} items but returned ${outcomes.length} outcomes`);
      batch.forEach((entry, index) => entry.resolve(outcomes[index] as Outcome));
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    } finally {
      scheduled = false;
      if (waiting.length > 0) schedule();
    }
  }

  return {
    /** Resolves with the item's outcome once the statement that wrote it has committed. */
    submit(item: Item): Promise<Outcome> {
      return new Promise<Outcome>((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        schedule();
      });
    },
  };
}
