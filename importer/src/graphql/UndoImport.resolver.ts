import { forbidden, notFound, requireRole, UndoResult } from '@tw/kernel';
import { Arg, Ctx, Field, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import { ImportJob } from '../entities/import-job.entity';
import { undoImportJob } from '../jobs/undo-job';
import { ImporterContext } from './loaders';

@ObjectType({ description: 'What undoing an import job did, or would do, in each service' })
export class ImportUndo {
  @Field(() => ID) jobId!: string;
  @Field() dryRun!: boolean;
  @Field({ description: 'Nothing was undone: records the job wrote were changed again since (listed as conflicts); undo again with skipConflicts to leave them as they are' })
  refused!: boolean;
  @Field(() => [UndoResult]) services!: UndoResult[];
}

@Resolver()
export class UndoImportResolver {
  @Mutation(() => ImportUndo, {
    description:
      'Undoes an import job (DISTRICT_ADMIN): every record it created is removed and every record it changed goes back to the version before it, one transaction per service; ' +
      'records changed again since are conflicts, and nothing is undone unless skipConflicts. dryRun (the default) lists what would change. The undo is itself kept in the history and audited',
  })
  async undoImportJob(
    @Arg('id', () => ID) id: string,
    @Arg('dryRun', { defaultValue: true }) dryRun: boolean,
    @Arg('skipConflicts', { defaultValue: false }) skipConflicts: boolean,
    @Ctx() ctx: ImporterContext,
  ): Promise<ImportUndo> {
    const p = requireRole(ctx, 'DISTRICT_ADMIN', 'SCHOOL_ADMIN');
    if (p.role !== 'DISTRICT_ADMIN') throw forbidden('Undoing an import is for DISTRICT_ADMIN');
    const job = await ctx.ds.getRepository(ImportJob).findOneBy({ id });
    if (!job) throw notFound(`No import job ${id}`);
    const r = await undoImportJob(ctx.gatewayFor(p), id, { dryRun, skipConflicts });
    return Object.assign(new ImportUndo(), { jobId: id, dryRun, refused: r.refused, services: r.services });
  }
}
