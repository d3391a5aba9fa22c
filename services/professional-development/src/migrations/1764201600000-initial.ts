import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableForeignKey } from 'typeorm';

const id = (): TableColumnOptions => ({ name: 'id', type: 'varchar', length: '36', isPrimary: true });
const ref = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isNullable: nullable });
const text = (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
// 'integer': what SQLite reports back for an int column, and MySQL stores as int, so the schema
// TypeORM derives from the entities matches on both
const int = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable });
const date = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'date', isNullable: nullable });
const stamp = (name: string): TableColumnOptions => ({ name, type: 'datetime' });

/** Training programmes and participations, designations, studios and their members, lessons, mentoring pairs. */
export class Initial1764201600000 implements MigrationInterface {
  name = 'Initial1764201600000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'training_programme',
        columns: [
          id(),
          int('year'),
          text('level', 20),
          text('name', 200),
          text('provider', 100, true),
          text('mode', 30),
          text('topic', 30),
          text('topic_source', 10),
          stamp('created_at'),
          stamp('updated_at'),
        ],
        indices: [
          { name: 'uq_programme_year_name_level', columnNames: ['year', 'name', 'level'], isUnique: true },
          { name: 'ix_programme_level_year', columnNames: ['level', 'year'] },
          { name: 'ix_programme_topic_year', columnNames: ['topic', 'year'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'training_participation',
        columns: [id(), ref('programme_id'), ref('teacher_id'), ref('school_id'), int('year'), int('hours'), int('credits', true), stamp('created_at'), stamp('updated_at')],
        indices: [
          { name: 'uq_participation_teacher_programme', columnNames: ['teacher_id', 'programme_id'], isUnique: true },
          { name: 'ix_participation_teacher_year', columnNames: ['teacher_id', 'year'] },
          { name: 'ix_participation_school_year', columnNames: ['school_id', 'year'] },
          { name: 'ix_participation_programme', columnNames: ['programme_id', 'id'] },
        ],
        foreignKeys: [
          new TableForeignKey({ name: 'fk_participation_programme', columnNames: ['programme_id'], referencedTableName: 'training_programme', referencedColumnNames: ['id'], onDelete: 'NO ACTION', onUpdate: 'NO ACTION' }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'designation',
        columns: [
          id(),
          ref('teacher_id'),
          ref('school_id'),
          text('kind', 30),
          text('level', 20),
          int('year'),
          date('valid_until', true),
          text('issuer', 100, true),
          stamp('created_at'),
          stamp('updated_at'),
        ],
        indices: [
          { name: 'uq_designation_key', columnNames: ['teacher_id', 'kind', 'level', 'year'], isUnique: true },
          { name: 'ix_designation_school_year', columnNames: ['school_id', 'year'] },
          { name: 'ix_designation_year_level', columnNames: ['year', 'level', 'kind'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'studio',
        columns: [id(), text('name', 100), text('kind', 30), text('level', 20), ref('host_teacher_id'), ref('host_school_id'), int('founded_year'), stamp('created_at'), stamp('updated_at')],
        indices: [
          { name: 'uq_studio_name', columnNames: ['name'], isUnique: true },
          { name: 'ix_studio_host', columnNames: ['host_teacher_id'] },
          { name: 'ix_studio_host_school', columnNames: ['host_school_id', 'founded_year'] },
          { name: 'ix_studio_kind_level', columnNames: ['kind', 'level'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'studio_member',
        columns: [id(), ref('studio_id'), ref('teacher_id'), ref('school_id'), stamp('created_at')],
        indices: [
          { name: 'uq_studio_member', columnNames: ['studio_id', 'teacher_id'], isUnique: true },
          { name: 'ix_studio_member_teacher', columnNames: ['teacher_id'] },
        ],
        foreignKeys: [new TableForeignKey({ name: 'fk_studio_member_studio', columnNames: ['studio_id'], referencedTableName: 'studio', referencedColumnNames: ['id'], onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'lesson',
        columns: [
          id(),
          date('date'),
          ref('teacher_id'),
          ref('school_id'),
          text('title', 200),
          text('subject', 30, true),
          text('kind', 20),
          ref('studio_id', true),
          int('observers', true),
          stamp('created_at'),
          stamp('updated_at'),
        ],
        indices: [
          { name: 'uq_lesson_key', columnNames: ['teacher_id', 'date', 'title'], isUnique: true },
          { name: 'ix_lesson_date', columnNames: ['date'] },
          { name: 'ix_lesson_school_date', columnNames: ['school_id', 'date'] },
          { name: 'ix_lesson_studio_date', columnNames: ['studio_id', 'date'] },
        ],
        foreignKeys: [new TableForeignKey({ name: 'fk_lesson_studio', columnNames: ['studio_id'], referencedTableName: 'studio', referencedColumnNames: ['id'], onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'mentoring_pair',
        columns: [
          id(),
          ref('mentor_id'),
          ref('mentor_school_id'),
          ref('mentee_id'),
          ref('mentee_school_id'),
          date('start_date'),
          date('end_date', true),
          stamp('created_at'),
          stamp('updated_at'),
        ],
        indices: [
          { name: 'uq_mentoring_pair', columnNames: ['mentor_id', 'mentee_id'], isUnique: true },
          { name: 'ix_mentoring_mentee', columnNames: ['mentee_id', 'start_date'] },
          { name: 'ix_mentoring_mentee_school', columnNames: ['mentee_school_id', 'start_date'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['mentoring_pair', 'lesson', 'studio_member', 'studio', 'designation', 'training_participation', 'training_programme']) await q.dropTable(t);
  }
}
