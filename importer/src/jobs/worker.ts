import { createLogger, Logger, newId, Principal, Role } from '@tw/kernel';
import { ImportJob } from '../entities/import-job.entity';
import type { ImporterSettings } from '../config';
import { DelegatedGatewayCaller } from './gateway-caller';
import { runImport } from './import-run';
import { JobStore } from './job-store';

/** What a worker runs with: the importer's settings, and where and how it reaches the gateway. */
export interface WorkerOptions extends ImporterSettings {
  readonly store: JobStore;
  /** the gateway's /graphql URL, through which jobs read references and write */
  readonly gatewayUrl: string;
  readonly gatewaySecret: string;
  readonly logger?: Logger;
  readonly tempDir?: string;
}

/**
 * Claims queued jobs from the database and runs them. Several instances can share one database:
 * a job is claimed by exactly one (see JobStore.claim), its owner renews a lease while it runs, and
 * any instance marks failed the running jobs whose owner stopped renewing it (a crashed instance).
 */
export class ImportWorker {
  /** this instance, as job owners name it */
  readonly owner = newId();
  private readonly logger: Logger;
  private readonly running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  private stopped = true;
  private wake?: () => void;
  private loopDone?: Promise<void>;

  constructor(private readonly o: WorkerOptions) {
    this.logger = o.logger ?? createLogger('importer');
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.loopDone = this.loop();
  }

  /** Looks for queued jobs now (an upload just arrived). */
  nudge(): void {
    this.wake?.();
  }

  /** How many jobs this instance is running. */
  get active(): number {
    return this.running.size;
  }

  /**
   * Stops claiming; running jobs are interrupted and marked failed (INTERRUPTED), or with
   * `requeue` (a graceful shutdown) handed back to the queue for the next instance to run.
   */
  async stop(o: { requeue?: boolean } = {}): Promise<void> {
    await this.end(o.requeue ? 'requeue' : 'interrupt');
  }

  /**
   * Stops as a crash would: running jobs are abandoned without a word to the database, their
   * leases left to expire. For tests of what another instance does about it.
   */
  async halt(): Promise<void> {
    await this.end('halt');
  }

  private async end(reason: 'interrupt' | 'halt' | 'requeue'): Promise<void> {
    this.stopped = true;
    this.wake?.();
    for (const r of this.running.values()) r.controller.abort(reason);
    await Promise.allSettled([...this.running.values()].map((r) => r.done));
    await this.loopDone;
  }

  private async loop(): Promise<void> {
    let lastSweep = 0;
    while (!this.stopped) {
      try {
        if (Date.now() - lastSweep >= this.o.heartbeatMs) {
          lastSweep = Date.now();
          const lost = await this.o.store.failLost(new Date(Date.now() - this.o.leaseMs), this.owner);
          if (lost.length) this.logger.warn('marked jobs of a lost instance failed', { jobs: lost });
        }
        while (!this.stopped && this.running.size < this.o.concurrency) {
          const job = await this.o.store.claim(this.owner);
          if (!job) break;
          this.run(job);
        }
      } catch (e) {
        this.logger.error('import worker loop failed', { error: (e as Error).message });
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.o.pollMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  private run(job: ImportJob): void {
    const controller = new AbortController();
    const principal: Principal = {
      subject: job.subject,
      role: job.role as Role,
      ...(job.principalSchoolId ? { schoolId: job.principalSchoolId } : {}),
    };
    const gateway = new DelegatedGatewayCaller({ url: this.o.gatewayUrl, gatewaySecret: this.o.gatewaySecret, principal, requestId: `import-${job.id}` });
    // the lease is renewed on a timer as well as on progress: one batch may take longer than a beat
    const beat = setInterval(() => {
      this.o.store
        .update(job.id, this.owner, {})
        .then((mine) => {
          if (!mine && !controller.signal.aborted) controller.abort('lease-lost');
        })
        .catch((e: Error) => this.logger.warn('lease renewal failed', { job: job.id, error: e.message }));
    }, this.o.heartbeatMs);
    const done = runImport(job, {
      store: this.o.store,
      gateway,
      owner: this.owner,
      limits: this.o.limits,
      batchSize: this.o.batchSize,
      inFlight: this.o.inFlight,
      signal: controller.signal,
      logger: this.logger,
      tempDir: this.o.tempDir,
    })
      .catch((e: Error) => this.logger.error('import job failed', { job: job.id, error: e.stack ?? e.message }))
      .finally(() => {
        clearInterval(beat);
        this.running.delete(job.id);
        this.nudge();
      });
    this.running.set(job.id, { controller, done });
  }
}
