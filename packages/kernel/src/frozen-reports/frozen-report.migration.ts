import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * The frozen yearly figures every service keeps (kernel frozen-reports): one row per freeze of a
 * year, with this service's figures as the API answered them. `active_year` is the year while the
 * freeze stands and NULL once it is lifted, so a unique index allows one standing freeze per year
 * and keeps every lifted one (with who lifted it and why).
 */
export class CreateFrozenReport1765100000000 implements MigrationInterface {
  name = 'CreateFrozenReport1765100000000';

  async up(q: QueryRunner): Promise<void> {
    const v = (name: string, length: number, nullable = false) => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
    await q.createTable(
      new Table({
        name: 'frozen_report',
        columns: [
          { ...v('id', 36), isPrimary: true },
          { name: 'year', type: 'integer' },
          { name: 'active_year', type: 'integer', isNullable: true },
          v('freeze_id', 36),
          { name: 'figures_json', type: 'text' },
          { name: 'frozen_at', type: 'datetime' },
          v('frozen_by', 100),
          v('frozen_by_role', 20),
          { name: 'unfrozen_at', type: 'datetime', isNullable: true },
          v('unfrozen_by', 100, true),
          v('unfreeze_reason', 500, true),
        ],
        indices: [
          { name: 'ux_frozen_report_active_year', columnNames: ['active_year'], isUnique: true },
          { name: 'ix_frozen_report_year', columnNames: ['year'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('frozen_report');
  }
}
