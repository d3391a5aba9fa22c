import { GraphQLCaller } from './gateway-caller';

/** One service's answer to an undo (the kernel's UndoResult). */
export interface ServiceUndo {
  readonly service: string;
  readonly dryRun: boolean;
  readonly undone: number;
  readonly conflicts: number;
  readonly items: ReadonlyArray<{ entity: string; recordId: string; action: string; conflict: boolean }>;
}

const MUTATIONS = ['personnelUndoImport', 'developmentUndoImport', 'compensationUndoImport', 'governanceUndoImport'] as const;
const document = (dryRun: boolean) =>
  `mutation UndoImport($jobId: ID!, $skip: Boolean!) { ${MUTATIONS.map((m) => `${m}: ${m}(jobId: $jobId, dryRun: ${dryRun}, skipConflicts: $skip) { service dryRun undone conflicts items { entity recordId action conflict } }`).join(' ')} }`;

/**
 * Undoes an import job in every service, through the gateway as the caller (each service checks the
 * caller may, and undoes its part in one transaction of its own). Without `skipConflicts` every
 * service is asked first with a dry run, and nothing is undone anywhere when a record the job wrote
 * was changed again since (the answer lists them).
 */
export async function undoImportJob(gateway: GraphQLCaller, jobId: string, o: { dryRun: boolean; skipConflicts: boolean }): Promise<{ refused: boolean; services: ServiceUndo[] }> {
  const ask = async (dryRun: boolean) => Object.values(await gateway.request<Record<string, ServiceUndo>>(document(dryRun), { jobId, skip: o.skipConflicts }));
  const check = await ask(true);
  if (o.dryRun) return { refused: false, services: check };
  if (!o.skipConflicts && check.some((s) => s.conflicts > 0)) return { refused: true, services: check };
  return { refused: false, services: await ask(false) };
}
