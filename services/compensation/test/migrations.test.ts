import { createTestDatabase, testDatabaseKinds } from '@tw/kernel/testing';
import { ENTITIES, openCompensationDatabase } from '@tw/compensation';
import { migrationDrift } from '@tw/test';
import { HistoryOwnYear1765300000000 } from '../src/migrations/1765300000000-history-own-year';

describe.each(testDatabaseKinds())('compensation migrations on %s', (kind) => {
  it('build exactly the schema the entities describe, and run again without change', async () => {
    const { differences, pendingOnReopen } = await migrationDrift(kind, { service: 'compensation', entities: ENTITIES, open: openCompensationDatabase });
    expect(differences).toEqual([]);
    expect(pendingOnReopen).toBe(false);
  });
});

describe.each(testDatabaseKinds())('the history of records carrying their own year, on %s', (kind) => {
  it('moves the versions the history migration seeded back to their year, and nothing else', async () => {
    const db = await createTestDatabase(kind, 'compensation');
    const ds = await openCompensationDatabase({ url: db.url, dataDir: db.dataDir, sqliteFile: db.sqliteFile });
    try {
      const version = (id: string, year: number, validFrom: string, actor: string, reason: string | null) =>
        ds.query(
          `INSERT INTO pay_record_version (version_id, record_id, valid_from, recorded_at, op, actor_subject, actor_role, reason, teacher_id, year, school_id, school_public, teacher_serving, annual_income, created_at, updated_at)
           VALUES (?, ?, ?, '2026-12-03 08:00:00', 'create', ?, 'SYSTEM', ?, 't', ?, 's', 1, 1, 100, '2026-12-03 08:00:00', '2026-12-03 08:00:00')`,
          [`v-${id}`, id, validFrom, actor, reason, year],
        );
      await version('seeded', 2024, '2026-12-03', 'migration', 'history begins');
      await version('written', 2024, '2026-12-03', 'district-admin', null);
      await new HistoryOwnYear1765300000000().up(ds.createQueryRunner());
      const rows: Array<{ record_id: string; valid_from: unknown }> = await ds.query('SELECT record_id, valid_from FROM pay_record_version ORDER BY record_id');
      const day = (v: unknown) => String(v instanceof Date ? v.toISOString() : v).slice(0, 10);
      expect(rows.map((r) => [r.record_id, day(r.valid_from)])).toEqual([
        ['seeded', '2024-01-01'],
        ['written', '2026-12-03'],
      ]);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});
