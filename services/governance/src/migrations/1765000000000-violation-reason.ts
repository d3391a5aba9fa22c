import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

/**
 * A violation keeps the 处分原因 as the school wrote it and how its item was found; its item may be
 * missing (未归类) until the bureau settles it, while its sanction still counts for the veto.
 */
export class ViolationReason1765000000000 implements MigrationInterface {
  name = 'ViolationReason1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('violation', [
      new TableColumn({ name: 'reason_text', type: 'varchar', length: '200', isNullable: true }),
      new TableColumn({ name: 'item_source', type: 'varchar', length: '12', isNullable: false, default: "'LISTED'" }),
    ]);
    const table = await q.getTable('violation');
    const column = table!.findColumnByName('negative_list_item_id')!;
    const nullable = column.clone();
    nullable.isNullable = true;
    // no default: TypeORM reads MariaDB's NULL default back as the text 'NULL'
    nullable.default = undefined;
    await q.changeColumn('violation', column, nullable);
    await q.createIndex('violation', new TableIndex({ name: 'ix_violation_item_source', columnNames: ['item_source', 'school_id'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('violation', 'ix_violation_item_source');
    await q.query("DELETE FROM violation WHERE negative_list_item_id IS NULL");
    const table = await q.getTable('violation');
    const column = table!.findColumnByName('negative_list_item_id')!;
    const required = column.clone();
    required.isNullable = false;
    required.default = undefined;
    await q.changeColumn('violation', column, required);
    await q.dropColumns('violation', ['item_source', 'reason_text']);
  }
}
