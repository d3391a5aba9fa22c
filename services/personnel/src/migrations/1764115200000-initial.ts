import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableForeignKey } from 'typeorm';

const id = (): TableColumnOptions => ({ name: 'id', type: 'varchar', length: '36', isPrimary: true });
const ref = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isNullable: nullable });
const text = (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
const int = (name: string): TableColumnOptions => ({ name, type: 'integer' });
const stamp = (name: string): TableColumnOptions => ({ name, type: 'datetime' });

/** Schools, teachers, staffing quotas and their adjustments, hires, rotations. */
export class Initial1764115200000 implements MigrationInterface {
  name = 'Initial1764115200000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'school',
        columns: [id(), text('code', 10), text('name', 100), text('type', 30), text('sponsor', 10), stamp('created_at'), stamp('updated_at')],
        uniques: [
          { name: 'uq_school_code', columnNames: ['code'] },
          { name: 'uq_school_name', columnNames: ['name'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'teacher',
        columns: [
          id(),
          ref('school_id'),
          text('staff_no', 30, true),
          text('name', 50),
          text('gender', 10),
          text('id_type', 40),
          text('id_number', 40),
          { name: 'birth_date', type: 'date' },
          text('ethnicity', 20),
          text('political_status', 30),
          text('work_start_month', 7),
          text('school_start_month', 7),
          { name: 'in_quota', type: 'boolean' },
          text('employment_form', 20, true),
          text('post_category', 20, true),
          text('professional_title', 20, true),
          text('education', 30, true),
          text('teaching_stage', 30, true),
          text('teaching_subject', 30, true),
          text('status', 20),
          text('status_code', 3, true),
          text('status_detail', 30, true),
          { name: 'extra', type: 'text', isNullable: true },
          stamp('created_at'),
          stamp('updated_at'),
        ],
        indices: [
          { name: 'uq_teacher_id_number', columnNames: ['id_number', 'id_type'], isUnique: true },
          { name: 'ix_teacher_school', columnNames: ['school_id', 'id'] },
          { name: 'ix_teacher_status', columnNames: ['status', 'school_id'] },
        ],
        foreignKeys: [new TableForeignKey({ name: 'fk_teacher_school', columnNames: ['school_id'], referencedTableName: 'school', referencedColumnNames: ['id'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'staffing_quota',
        columns: [id(), ref('school_id'), int('year'), int('approved'), stamp('updated_at')],
        indices: [{ name: 'uq_quota_school_year', columnNames: ['school_id', 'year'], isUnique: true }],
        foreignKeys: [new TableForeignKey({ name: 'fk_quota_school', columnNames: ['school_id'], referencedTableName: 'school', referencedColumnNames: ['id'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'quota_adjustment',
        columns: [
          id(),
          ref('batch_id'),
          int('year'),
          ref('school_id'),
          int('delta'),
          int('approved_before'),
          int('approved_after'),
          text('reason', 200),
          text('adjusted_by', 100),
          stamp('adjusted_at'),
        ],
        indices: [{ name: 'ix_quota_adjustment_year', columnNames: ['year', 'batch_id'] }],
        foreignKeys: [new TableForeignKey({ name: 'fk_adjustment_school', columnNames: ['school_id'], referencedTableName: 'school', referencedColumnNames: ['id'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'hire',
        columns: [id(), ref('teacher_id'), int('year'), text('channel', 30), { name: 'in_quota_date', type: 'date', isNullable: true }, stamp('updated_at')],
        indices: [
          { name: 'uq_hire_teacher_year', columnNames: ['teacher_id', 'year'], isUnique: true },
          { name: 'ix_hire_year', columnNames: ['year', 'channel'] },
          { name: 'ix_hire_in_quota_date', columnNames: ['in_quota_date'] },
        ],
        foreignKeys: [new TableForeignKey({ name: 'fk_hire_teacher', columnNames: ['teacher_id'], referencedTableName: 'teacher', referencedColumnNames: ['id'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'rotation',
        columns: [
          id(),
          ref('teacher_id'),
          text('type', 50),
          { name: 'personnel_relation_moved', type: 'boolean' },
          text('start_month', 7),
          text('end_month', 7, true),
          ref('from_school_id', true),
          text('from_school_name', 100),
          ref('to_school_id', true),
          text('to_school_name', 100),
          stamp('updated_at'),
        ],
        indices: [
          { name: 'uq_rotation_teacher_start', columnNames: ['teacher_id', 'start_month'], isUnique: true },
          { name: 'ix_rotation_start', columnNames: ['start_month'] },
        ],
        foreignKeys: [new TableForeignKey({ name: 'fk_rotation_teacher', columnNames: ['teacher_id'], referencedTableName: 'teacher', referencedColumnNames: ['id'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['rotation', 'hire', 'quota_adjustment', 'staffing_quota', 'teacher', 'school']) await q.dropTable(t);
  }
}
