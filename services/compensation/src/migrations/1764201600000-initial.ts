import { MigrationInterface, QueryRunner, Table, TableColumnOptions } from 'typeorm';

const id = (): TableColumnOptions => ({ name: 'id', type: 'varchar', length: '36', isPrimary: true });
const ref = (name: string): TableColumnOptions => ({ name, type: 'varchar', length: '36' });
// 'integer', not 'int': SQLite reports an int column as declared, while TypeORM expects 'integer' there (MySQL reads both as int)
const int = (name: string): TableColumnOptions => ({ name, type: 'integer' });
const flag = (name: string): TableColumnOptions => ({ name, type: 'boolean' });
/** money as integer fen */
const fen = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'bigint', isNullable: nullable });
const stamp = (name: string): TableColumnOptions => ({ name, type: 'datetime' });

/** Pay records, talent records, civil-servant benchmarks, performance-pay allocations. */
export class Initial1764201600000 implements MigrationInterface {
  name = 'Initial1764201600000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'pay_record',
        columns: [
          id(),
          ref('teacher_id'),
          int('year'),
          ref('school_id'),
          flag('school_public'),
          flag('teacher_serving'),
          fen('annual_income'),
          fen('basic_monthly', true),
          fen('performance_monthly', true),
          fen('rural_subsidy_monthly', true),
          fen('other_allowance_monthly', true),
          fen('other_monthly', true),
          stamp('created_at'),
          stamp('updated_at'),
        ],
        indices: [
          { name: 'uq_pay_teacher_year', columnNames: ['teacher_id', 'year'], isUnique: true },
          // parity: WHERE year AND teacher_serving GROUP BY year, school_id, school_public, read from the index alone
          { name: 'ix_pay_parity', columnNames: ['year', 'teacher_serving', 'school_id', 'school_public', 'annual_income'] },
          // performance pay paid per school (GROUP BY year, school_id), and a school's records of a year
          { name: 'ix_pay_school_year', columnNames: ['year', 'school_id', 'school_public', 'performance_monthly'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'talent_record',
        columns: [
          id(),
          ref('teacher_id'),
          int('year'),
          { name: 'category', type: 'varchar', length: '10' },
          { name: 'result', type: 'varchar', length: '10' },
          fen('subsidy', true),
          ref('school_id'),
          flag('school_public'),
          flag('teacher_serving'),
          stamp('created_at'),
          stamp('updated_at'),
        ],
        indices: [
          { name: 'uq_talent_teacher_year', columnNames: ['teacher_id', 'year'], isUnique: true },
          { name: 'ix_talent_year_category', columnNames: ['year', 'category', 'result', 'subsidy'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'civil_servant_benchmark',
        columns: [id(), int('year'), fen('average_annual_pay'), { name: 'updated_by', type: 'varchar', length: '100' }, stamp('updated_at')],
        indices: [{ name: 'uq_benchmark_year', columnNames: ['year'], isUnique: true }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'performance_pay_allocation',
        columns: [id(), ref('school_id'), int('year'), fen('approved_total'), stamp('updated_at')],
        indices: [
          { name: 'uq_allocation_school_year', columnNames: ['school_id', 'year'], isUnique: true },
          { name: 'ix_allocation_year', columnNames: ['year'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['performance_pay_allocation', 'civil_servant_benchmark', 'talent_record', 'pay_record']) await q.dropTable(t);
  }
}
