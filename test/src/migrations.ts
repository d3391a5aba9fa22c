import { dataSourceOptions, PREPARED_BULK_TABLE } from '@tw/kernel';
import { createTestDatabase, TestDatabaseKind } from '@tw/kernel/testing';
import { DataSource, DataSourceOptions, EntitySchema, MixedList } from 'typeorm';

/**
 * Columns, indexes and foreign keys of a MySQL/MariaDB database as the server describes them
 * (information_schema). Integer display widths are left out: they store nothing. Left out too:
 * TypeORM's own table, and the kernel's table of prepared bulk rows, which has no entity (it is
 * read and written with plain SQL, and its payload is a LONGBLOB on MySQL, a type SQLite entities
 * cannot declare), and the kernel's version tables (`<table>_version`, derived from the entities
 * by createVersionTable, written with plain SQL).
 */
async function describeMysqlSchema(ds: DataSource) {
  const mine = `TABLE_SCHEMA = DATABASE() AND TABLE_NAME NOT IN ('migrations', '${PREPARED_BULK_TABLE}') AND TABLE_NAME NOT LIKE '%\\_version'`;
  return {
    columns: await ds.query(
      `SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE, IS_NULLABLE, COLUMN_DEFAULT FROM information_schema.COLUMNS WHERE ${mine} ORDER BY 1, 2`,
    ),
    indexes: await ds.query(`SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME FROM information_schema.STATISTICS WHERE ${mine} ORDER BY 1, 2, 4`),
    foreignKeys: await ds.query(
      `SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE WHERE ${mine} AND REFERENCED_TABLE_NAME IS NOT NULL ORDER BY 1, 2, 3`,
    ),
  };
}

export interface MigrationCheck {
  readonly service: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities: MixedList<Function | string | EntitySchema>;
  /** opens the service's database, running its migrations */
  open(o: { url?: string; dataDir: string; sqliteFile?: string }): Promise<DataSource>;
}

/**
 * What differs between the schema a service's migrations build and the one its entities describe,
 * and whether opening the database again finds migrations to run. On SQLite TypeORM's own schema
 * diff is used; on MySQL/MariaDB (where TypeORM misreads MariaDB's `DEFAULT NULL`) the migrated
 * database is compared through information_schema with a throwaway one built from the entities.
 */
export async function migrationDrift(kind: TestDatabaseKind, check: MigrationCheck): Promise<{ differences: unknown; pendingOnReopen: boolean }> {
  const label = `${check.service.replace(/\W/g, '_').slice(0, 10)}_mig`;
  const db = await createTestDatabase(kind, label);
  try {
    let differences: unknown;
    const ds = await check.open({ url: db.url, dataDir: db.dataDir, sqliteFile: db.sqliteFile });
    try {
      if (kind === 'sqlite') {
        differences = (await ds.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query);
      } else {
        const scratch = await createTestDatabase('mysql', `${label}_e`);
        try {
          const options = dataSourceOptions({ service: check.service, url: scratch.url, dataDir: scratch.dataDir, entities: check.entities, migrations: [] });
          const fromEntities = await new DataSource({ ...options, synchronize: true } as DataSourceOptions).initialize();
          try {
            const [a, b] = [await describeMysqlSchema(ds), await describeMysqlSchema(fromEntities)];
            differences = (['columns', 'indexes', 'foreignKeys'] as const).flatMap((part) => {
              const ka = new Set(a[part].map((r: unknown) => JSON.stringify(r)));
              const kb = new Set(b[part].map((r: unknown) => JSON.stringify(r)));
              return [
                ...[...ka].filter((k) => !kb.has(k)).map((k) => `${part} only migrated: ${k}`),
                ...[...kb].filter((k) => !ka.has(k)).map((k) => `${part} only in entities: ${k}`),
              ];
            });
          } finally {
            await fromEntities.destroy();
          }
        } finally {
          await scratch.drop();
        }
      }
    } finally {
      await ds.destroy();
    }
    const again = await check.open({ url: db.url, dataDir: db.dataDir, sqliteFile: db.sqliteFile });
    try {
      return { differences, pendingOnReopen: await again.showMigrations() };
    } finally {
      await again.destroy();
    }
  } finally {
    await db.drop();
  }
}
