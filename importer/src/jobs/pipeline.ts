/**
 * Batches through two stages: `prepare` runs one batch at a time in order (what depends on the
 * batches before it: duplicate keys, references in file order), `finish` (the subgraph call) may
 * run for up to `depth` batches at once. `push` waits while `depth` batches are unfinished, so
 * memory holds at most `depth` + 1 batches however long the file.
 */
export class BatchPipeline {
  private chain: Promise<unknown> = Promise.resolve();
  private readonly inFlight: Array<Promise<void>> = [];

  constructor(private readonly depth: number) {}

  async push<T>(prepare: () => Promise<T>, finish: (prepared: T) => Promise<void>): Promise<void> {
    while (this.inFlight.length >= this.depth) await this.inFlight.shift();
    const prepared = this.chain.then(prepare);
    this.chain = prepared;
    const done = prepared.then(finish);
    // awaited in order by push/drain; this keeps a failure from being reported as unhandled meanwhile
    done.catch(() => undefined);
    this.inFlight.push(done);
  }

  /** Waits for every batch started, whatever becomes of them (after a failure, before giving up). */
  async settle(): Promise<void> {
    await Promise.allSettled([this.chain, ...this.inFlight.splice(0)]);
  }

  /** Waits for every batch; throws the first failure. */
  async drain(): Promise<void> {
    while (this.inFlight.length) await this.inFlight.shift();
  }
}
