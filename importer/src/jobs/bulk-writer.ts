import { withSpan } from '@tw/kernel';
import { KindSpec, KindTarget } from '../spec/kind-spec';
import { GatewayCallError, GraphQLCaller } from './gateway-caller';

/** One input row's outcome, as the subgraph's bulk mutation answers it. */
export interface BulkRow {
  readonly index: number;
  readonly status: 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'REJECTED' | 'SUBMITTED';
  readonly code: string | null;
  readonly message: string | null;
  readonly field: string | null;
}

export interface BulkAnswer {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
  /** rows the review policy held (a school admin's): not written, sent to the bureau in `submission` */
  readonly submitted: number;
  readonly submission: { readonly id: string } | null;
  readonly written: boolean;
  /** what a `prepare` call kept, to write with `commit` (null: nothing would be written) */
  readonly prepared: string | null;
  readonly rows: readonly BulkRow[];
}

/** The subgraphs' BulkOptions (see the kernel's bulk.ts). */
export interface BulkOptions {
  readonly dryRun?: boolean;
  readonly partial?: boolean;
  readonly prepare?: boolean;
  readonly commit?: string;
  /** the day the rows took effect (YYYY-MM-DD) */
  readonly asOf?: string;
}

/** A bulk mutation a kind writes with, as one GraphQL document. */
export function bulkMutation(spec: KindSpec, target: KindTarget): string {
  return `mutation Import_${spec.kind.replace(/\W/g, '_')}($rows: [${target.inputType}!]!, $options: BulkOptions) { r: ${target.mutation}(rows: $rows, options: $options) { created updated unchanged rejected submitted submission { id } written prepared rows { index status code message field } } }`;
}

/**
 * A deadlock between two batches written at once (or, in production, where messages are masked, any
 * internal error): the subgraph rolled the batch's transaction back, so sending it again is safe.
 */
const TRANSIENT = /deadlock|lock wait timeout|SQLITE_BUSY/i;

/**
 * Sends one batch (at most 1,000 rows, the bulk mutations' limit) to the kind's subgraph through the
 * gateway. A batch whose transaction lost a deadlock to another batch is sent again: the subgraph
 * writes a batch in one transaction, so nothing of it was written.
 */
export function bulkWriter(spec: KindSpec, target: KindTarget, gateway: GraphQLCaller) {
  const document = bulkMutation(spec, target);
  return async (rows: readonly Record<string, unknown>[], options: BulkOptions): Promise<BulkAnswer> => {
    for (let attempt = 1; ; attempt++) {
      try {
        // one span per batch, the child of the job's: the gateway, the subgraph and its SQL hang below it
        const stage = options.commit ? 'commit' : options.prepare ? 'prepare' : options.dryRun ? 'check' : 'write';
        const d = await withSpan('import.batch', { 'tw.import.kind': spec.kind, 'tw.import.rows': rows.length, 'tw.import.stage': stage, 'tw.import.attempt': attempt }, () =>
          gateway.request<{ r: BulkAnswer }>(document, { rows, options }),
        );
        return d.r;
      } catch (e) {
        const transient = e instanceof GatewayCallError && (TRANSIENT.test(e.message) || e.code === 'INTERNAL_SERVER_ERROR');
        if (!transient || attempt >= 4) throw e;
        await new Promise((r) => setTimeout(r, 50 * attempt));
      }
    }
  };
}

export type BulkWriter = ReturnType<typeof bulkWriter>;
