import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A school's own name for a column of a kind (“主教学科” is 任教学科), or a column of its files to
 * ignore, set by a clerk after a preview and applied to every later file of that school and kind.
 */
@Entity('import_column_mapping')
@Index('uq_import_column_mapping', ['schoolId', 'kind', 'header'], { unique: true })
@ObjectType('ImportColumnMapping', { description: 'A school’s own header for a column of a kind, applied to each file it imports of that kind' })
export class ImportColumnMapping {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID)
  id!: string;

  /** the school's id in personnel; '' for the district's own files (no school) */
  @Column({ name: 'school_id', type: 'varchar', length: 36 })
  schoolId!: string;

  @Column({ type: 'varchar', length: 30 })
  @Field({ description: 'The kind: teachers, trainings…' })
  kind!: string;

  /** the header as compared (normalizeHeader: half-width, no spaces or * marks) */
  @Column({ type: 'varchar', length: 100 })
  @Field({ description: 'The header as the school titles the column (compared without spaces, * marks and full-width forms)' })
  header!: string;

  @Column({ type: 'varchar', length: 50, nullable: true })
  @Field(() => String, { nullable: true, description: 'The column of the kind it is (its key, e.g. teachingSubject); null: the column is ignored' })
  field!: string | null;

  @Column({ name: 'updated_by', type: 'varchar', length: 200 })
  @Field({ description: 'Who set it last (token subject)' })
  updatedBy!: string;

  @Column({ name: 'updated_at', type: 'datetime' })
  @Field()
  updatedAt!: Date;
}
