import { Arg, Ctx, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { ImportColumnMapping } from '../entities/import-column-mapping.entity';
import { KINDS } from '../kinds';
import { kindOf, mappingSchool, writeMapping } from '../mappings/mapping-store';
import { requirementText } from '../report/template';
import { normalizeHeader } from '../spec/header';
import { ImporterContext } from './loaders';

@ObjectType('ImportKindColumn', { description: 'A column of an import kind: how files title it and what it holds' })
export class ImportKindColumnView {
  @Field({ description: 'Its key, as mappings name it (teachingSubject)' }) key!: string;
  @Field({ description: 'The header the template writes (任教学科)' }) header!: string;
  @Field(() => [String], { description: 'Other headers files use for it' }) synonyms!: string[];
  @Field({ description: '必填, 选填, or when it is required' }) requirement!: string;
  @Field({ description: 'What it holds (types, code tables, forms accepted)' }) describe!: string;
}

@ObjectType('ImportKind', { description: 'A kind of file the importer loads' })
export class ImportKindView {
  @Field({ description: 'Its name in URLs and the CLI (teachers)' }) kind!: string;
  @Field({ description: 'Its Chinese name (教职工基本信息)' }) title!: string;
  @Field(() => String, { nullable: true, description: 'The national system’s sub-set it follows' }) nationalSubset!: string | null;
  @Field(() => [ImportKindColumnView]) columns!: ImportKindColumnView[];
}

@InputType({ description: 'A school’s own header for a column of a kind' })
export class ImportColumnMappingInput {
  @Field({ description: 'The kind: teachers, trainings…' }) kind!: string;
  @Field(() => ID, { nullable: true, description: 'The school (SCHOOL_ADMIN: their own, the default); DISTRICT_ADMIN without one: the district’s own files' }) schoolId?: string | null;
  @Field({ description: 'The header as the school’s files title the column (主教学科)' }) header!: string;
  @Field(() => String, { nullable: true, description: 'The column it is: key, header or synonym (teachingSubject, 任教学科); null to ignore the column' }) field?: string | null;
}

/** The kinds, and the column mappings schools set after a preview (see POST /imports/preview). */
@Resolver()
export class ImportMappingResolver {
  @Query(() => [ImportKindView], { description: 'Every kind the importer loads, with its columns (for mapping a school’s headers to them)' })
  importKinds(): ImportKindView[] {
    return KINDS.map((k) => ({
      kind: k.kind,
      title: k.title,
      nationalSubset: k.nationalSubset ?? null,
      columns: k.columns.map((c) => ({ key: c.key, header: c.header, synonyms: [...(c.synonyms ?? [])], requirement: requirementText(k, c), describe: [c.type.describe, c.note].filter(Boolean).join('；') })),
    }));
  }

  @Query(() => [ImportColumnMapping], { description: 'The headers a school mapped for a kind, applied to every file it imports of that kind (DISTRICT_ADMIN; SCHOOL_ADMIN their school’s)' })
  async importColumnMappings(@Arg('kind') kind: string, @Arg('schoolId', () => ID, { nullable: true }) schoolId: string | null, @Ctx() ctx: ImporterContext): Promise<ImportColumnMapping[]> {
    const s = mappingSchool(ctx, schoolId);
    kindOf(kind);
    // bounded: one row per header the school titles differently (a kind has at most a few dozen columns)
    return ctx.ds.getRepository(ImportColumnMapping).find({ where: { schoolId: s.schoolId, kind }, order: { header: 'ASC' } });
  }

  @Mutation(() => ImportColumnMapping, { description: 'Remembers that a school’s header is a column of the kind (or is to be ignored); applied from the next preview and import on. Audited' })
  async setImportColumnMapping(@Arg('input', () => ImportColumnMappingInput) input: ImportColumnMappingInput, @Ctx() ctx: ImporterContext): Promise<ImportColumnMapping> {
    const s = mappingSchool(ctx, input.schoolId);
    return (await writeMapping(ctx.ds, s.principal, s.schoolId, input.kind, input.header, input.field ?? null))!;
  }

  @Mutation(() => Boolean, { description: 'Forgets a school’s mapping of a header (false: there was none). Audited' })
  async removeImportColumnMapping(
    @Arg('kind') kind: string,
    @Arg('header') header: string,
    @Arg('schoolId', () => ID, { nullable: true }) schoolId: string | null,
    @Ctx() ctx: ImporterContext,
  ): Promise<boolean> {
    const s = mappingSchool(ctx, schoolId);
    const existed = await ctx.ds.getRepository(ImportColumnMapping).existsBy({ schoolId: s.schoolId, kind, header: normalizeHeader(header) });
    await writeMapping(ctx.ds, s.principal, s.schoolId, kind, header, undefined);
    return existed;
  }
}
