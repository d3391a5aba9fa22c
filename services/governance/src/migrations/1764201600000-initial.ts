import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableForeignKey } from 'typeorm';

const id = (): TableColumnOptions => ({ name: 'id', type: 'varchar', length: '36', isPrimary: true });
const ref = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isNullable: nullable });
const text = (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
const int = (name: string): TableColumnOptions => ({ name, type: 'integer' });
const date = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'date', isNullable: nullable });
const stamp = (name: string): TableColumnOptions => ({ name, type: 'datetime' });
const stamps = (): TableColumnOptions[] => [stamp('created_at'), stamp('updated_at')];

/** Ethics, violations, appraisals, awards, principal ranks, reform status, the inspection catalogue, the audit log. */
export class Initial1764201600000 implements MigrationInterface {
  name = 'Initial1764201600000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'negative_list_item',
        columns: [id(), text('code', 10), text('title', 100), { name: 'description', type: 'text', isNullable: true }, int('sort_order'), date('retired_on', true), ...stamps()],
        uniques: [
          { name: 'uq_negative_list_item_code', columnNames: ['code'] },
          { name: 'uq_negative_list_item_title', columnNames: ['title'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'ethics_assessment',
        columns: [id(), ref('teacher_id'), ref('school_id'), int('year'), text('result', 30), ...stamps()],
        indices: [
          { name: 'uq_ethics_teacher_year', columnNames: ['teacher_id', 'year'], isUnique: true },
          { name: 'ix_ethics_school_year', columnNames: ['school_id', 'year'] },
          { name: 'ix_ethics_year_result', columnNames: ['year', 'result'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'violation',
        columns: [
          id(),
          ref('teacher_id'),
          ref('school_id'),
          date('occurred_on'),
          ref('negative_list_item_id'),
          text('sanction', 20, true),
          date('revoked_on', true),
          text('description', 500, true),
          ...stamps(),
        ],
        indices: [
          { name: 'uq_violation_teacher_date', columnNames: ['teacher_id', 'occurred_on'], isUnique: true },
          { name: 'ix_violation_school_date', columnNames: ['school_id', 'occurred_on'] },
          { name: 'ix_violation_date', columnNames: ['occurred_on'] },
        ],
        foreignKeys: [
          new TableForeignKey({ name: 'fk_violation_item', columnNames: ['negative_list_item_id'], referencedTableName: 'negative_list_item', referencedColumnNames: ['id'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'appraisal',
        columns: [id(), ref('teacher_id'), ref('school_id'), int('year'), text('result', 30), text('requested_result', 30, true), text('appraiser', 100, true), ...stamps()],
        indices: [
          { name: 'uq_appraisal_teacher_year', columnNames: ['teacher_id', 'year'], isUnique: true },
          { name: 'ix_appraisal_school_year', columnNames: ['school_id', 'year'] },
          { name: 'ix_appraisal_year_result', columnNames: ['year', 'result'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'award',
        columns: [id(), ref('teacher_id'), ref('school_id'), text('title', 100), text('level', 20), date('awarded_on'), text('issuer', 100, true), ...stamps()],
        indices: [
          { name: 'uq_award_teacher_title_date', columnNames: ['teacher_id', 'title', 'awarded_on'], isUnique: true },
          { name: 'ix_award_school_date', columnNames: ['school_id', 'awarded_on'] },
          { name: 'ix_award_date', columnNames: ['awarded_on'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'principal_rank',
        columns: [id(), ref('teacher_id'), ref('school_id'), text('rank_level', 20), int('year'), ...stamps()],
        indices: [
          { name: 'uq_principal_rank_teacher_year', columnNames: ['teacher_id', 'year'], isUnique: true },
          { name: 'ix_principal_rank_year', columnNames: ['year', 'rank_level'] },
          { name: 'ix_principal_rank_school', columnNames: ['school_id', 'year'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'school_reform',
        columns: [id(), ref('school_id'), text('status', 20), date('pilot_started_on', true), date('completed_on', true), text('note', 200, true), ...stamps()],
        uniques: [{ name: 'uq_school_reform_school', columnNames: ['school_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'inspection_item',
        columns: [id(), int('year'), text('name', 200), text('department', 100), text('approval_no', 100, true), ...stamps()],
        indices: [{ name: 'uq_inspection_item_year_name', columnNames: ['year', 'name'], isUnique: true }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'inspection_event',
        columns: [id(), ref('item_id'), int('year'), text('name', 200), text('department', 100), ref('school_id', true), date('held_on', true), ...stamps()],
        indices: [
          { name: 'uq_inspection_event', columnNames: ['item_id', 'school_id', 'held_on'], isUnique: true },
          { name: 'ix_inspection_event_year_school', columnNames: ['year', 'school_id'] },
          { name: 'ix_inspection_event_school_year', columnNames: ['school_id', 'year'] },
        ],
        foreignKeys: [new TableForeignKey({ name: 'fk_inspection_event_item', columnNames: ['item_id'], referencedTableName: 'inspection_item', referencedColumnNames: ['id'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          id(),
          stamp('recorded_at'),
          text('actor_subject', 100),
          text('actor_role', 20),
          text('acting_service', 100, true),
          text('entity', 30),
          ref('entity_id'),
          text('record_key', 300),
          ref('teacher_id', true),
          { name: 'before_json', type: 'text', isNullable: true },
          { name: 'after_json', type: 'text', isNullable: true },
        ],
        indices: [
          { name: 'ix_audit_entity', columnNames: ['entity', 'id'] },
          { name: 'ix_audit_teacher', columnNames: ['teacher_id', 'id'] },
          { name: 'ix_audit_recorded_at', columnNames: ['recorded_at'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['audit_log', 'inspection_event', 'inspection_item', 'school_reform', 'principal_rank', 'award', 'appraisal', 'violation', 'ethics_assessment', 'negative_list_item']) {
      await q.dropTable(t);
    }
  }
}
