import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/** Schools' own headers for the kinds' columns, remembered per school and kind. */
export class ColumnMappings1765000000001 implements MigrationInterface {
  name = 'ColumnMappings1765000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'import_column_mapping',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'school_id', type: 'varchar', length: '36' },
          { name: 'kind', type: 'varchar', length: '30' },
          { name: 'header', type: 'varchar', length: '100' },
          { name: 'field', type: 'varchar', length: '50', isNullable: true },
          { name: 'updated_by', type: 'varchar', length: '200' },
          { name: 'updated_at', type: 'datetime' },
        ],
        indices: [{ name: 'uq_import_column_mapping', columnNames: ['school_id', 'kind', 'header'], isUnique: true }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('import_column_mapping');
  }
}
