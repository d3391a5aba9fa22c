import { AuditEntry, CreatePreparedBulk1764800000000, openDatabase, staticSchoolDirectory, staticTeacherDirectory } from '@tw/kernel';
import { createTestDatabase, directClient, testDatabaseKinds, testKeys } from '@tw/kernel/testing';
import { openGovernanceDatabase, startGovernance } from '@tw/governance';
import { DataSource } from 'typeorm';
import { Initial1764201600000 } from '../src/migrations/1764201600000-initial';
import { NegativeList1764201600001 } from '../src/migrations/1764201600001-negative-list';
import { AuditAppendOnly1764201600002 } from '../src/migrations/1764201600002-audit-append-only';

/** The migrations a governance database had run before its audit log moved onto the kernel's. */
const BEFORE = [Initial1764201600000, NegativeList1764201600001, AuditAppendOnly1764201600002, CreatePreparedBulk1764800000000];

// recorded_at as TypeORM writes a datetime on SQLite (with milliseconds), which MariaDB takes too
const OLD_ROWS = [
  ['0190a000-0000-7000-8000-000000000001', '2024-03-01 02:00:00.000', 'clerk-a', 'SCHOOL_ADMIN', null, 'ETHICS_ASSESSMENT', 'e-1', '["t-1",2023]', 't-1', null, '{"teacherId":"t-1","year":2023,"result":"COMPETENT"}'],
  ['0190a000-0000-7000-8000-000000000002', '2024-03-02 15:59:59.000', 'district-admin', 'DISTRICT_ADMIN', null, 'ETHICS_ASSESSMENT', 'e-1', '["t-1",2023]', 't-1', '{"teacherId":"t-1","year":2023,"result":"COMPETENT"}', '{"teacherId":"t-1","year":2023,"result":"EXCELLENT"}'],
  ['0190a000-0000-7000-8000-000000000003', '2024-03-02 16:00:00.000', 'clerk-b', 'DISTRICT_ADMIN', 'service:importer', 'VIOLATION', 'v-1', '["t-2","2024-02-01"]', 't-2', null, '{"negativeListItem":{"code":"10","title":"规范从教行为"},"description":"有偿补课"}'],
  ['0190a000-0000-7000-8000-000000000004', '2024-03-03 08:00:00.000', 'district-admin', 'DISTRICT_ADMIN', null, 'NEGATIVE_LIST_ITEM', 'n-11', '11', null, '{"code":"11","retiredOn":null}', '{"code":"11","retiredOn":"2024-03-03"}'],
  ['0190a000-0000-7000-8000-000000000005', '2024-03-04 08:00:00.000', 'district-admin', 'DISTRICT_ADMIN', null, 'APPRAISAL', 'a-1', '["t-1",2023]', 't-1', null, '{"result":"EXCELLENT"}'],
  ['0190a000-0000-7000-8000-000000000006', '2024-03-05 08:00:00.000', 'district-admin', 'DISTRICT_ADMIN', null, 'AWARD', 'w-1', '["t-2","优秀教师","2023-09-10"]', 't-2', null, '{"title":"优秀教师"}'],
] as const;

const tables = async (ds: DataSource): Promise<string[]> => {
  const q = ds.createQueryRunner();
  try {
    return (await q.getTables()).map((t) => t.name).sort();
  } finally {
    await q.release();
  }
};

describe.each(testDatabaseKinds())('the governance audit log moving onto the kernel’s, on %s', (kind) => {
  it('carries every entry over with who, when, what, before and after; drops the old table; keeps the log append-only', async () => {
    const db = await createTestDatabase(kind, 'gov_audit_move');
    try {
      // a database at the old schema, holding entries written by the old code
      const old = await openDatabase({ service: 'governance', url: db.url, dataDir: db.dataDir, sqliteFile: db.sqliteFile, entities: [], migrations: BEFORE });
      try {
        for (const row of OLD_ROWS) {
          await old.query(
            'INSERT INTO audit_log (id, recorded_at, actor_subject, actor_role, acting_service, entity, entity_id, record_key, teacher_id, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
            [...row],
          );
        }
        // control: the old log had no request id, and was already append-only
        expect((await old.query('SELECT * FROM audit_log'))[0]).not.toHaveProperty('request_id');
        await expect(old.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
      } finally {
        await old.destroy();
      }

      const ds = await openGovernanceDatabase({ url: db.url, dataDir: db.dataDir, sqliteFile: db.sqliteFile });
      try {
        const entries = await ds.getRepository(AuditEntry).find({ order: { id: 'ASC' } });
        expect(
          entries.map((e) => [e.id, e.recordedAt.toISOString(), e.actorSubject, e.actorRole, e.actingService, e.entity, e.entityId, e.key, e.teacherId, e.before, e.after, e.requestId]),
        ).toEqual(
          OLD_ROWS.map((r) => [r[0], `${r[1].replace(' ', 'T')}Z`, r[2], r[3], r[4], r[5].toLowerCase(), r[6], r[7], r[8], r[9], r[10], null]),
        );
        expect(await tables(ds)).not.toContain('governance_audit_log_v1');
        expect(await tables(ds)).toContain('audit_log');
        // the kernel's table: the request id column is there, and the log refuses UPDATE and DELETE
        await ds.query("INSERT INTO audit_log (id, recorded_at, actor_subject, actor_role, request_id, entity, entity_id, record_key) VALUES ('0190a000-0000-7000-8000-000000000009', '2024-04-01 00:00:00', 'x', 'DISTRICT_ADMIN', 'req-1', 'award', 'w-2', 'k')");
        await expect(ds.query("UPDATE audit_log SET actor_subject = 'someone-else'")).rejects.toThrow(/append-only/);
        await expect(ds.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
        expect(await ds.getRepository(AuditEntry).count()).toBe(OLD_ROWS.length + 1);
        expect(await ds.showMigrations()).toBe(false);

        // and back: the old table with the old kinds (the new entry's too), no request id, still append-only
        await undoThrough(ds, 'AuditLogOntoKernel1764900000000');
        const back = await ds.query('SELECT * FROM audit_log ORDER BY id');
        expect(back.map((r: { entity: string }) => r.entity)).toEqual([...OLD_ROWS.map((r) => r[5]), 'AWARD']);
        expect(back[0]).not.toHaveProperty('request_id');
        await expect(ds.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
        await ds.runMigrations();
        expect((await ds.getRepository(AuditEntry).findBy({ entity: 'ethics_assessment' })).length).toBe(2);

        // the carried entries read through the one audit query, a day being a day in China (UTC+8):
        // 2024-03-02 15:59:59Z is still 2 March there, 16:00:00Z is 3 March
        const keys = testKeys();
        const handle = await startGovernance({ dataSource: ds, keys, production: false, directory: staticTeacherDirectory([]), schoolDirectory: staticSchoolDirectory([]) });
        try {
          const admin = directClient(handle.url, keys)({ subject: 'district-admin', role: 'DISTRICT_ADMIN' });
          const day = await admin('{ governanceAuditLog(filter: { fromDay: "2024-03-03", toDay: "2024-03-03" }) { nodes { id entity requestId } } }');
          expect(day.errors).toBeUndefined();
          expect(day.data.governanceAuditLog.nodes).toEqual([
            { id: OLD_ROWS[2][0], entity: 'violation', requestId: null },
            { id: OLD_ROWS[3][0], entity: 'negative_list_item', requestId: null },
          ]);
        } finally {
          await handle.stop();
        }
      } finally {
        if (ds.isInitialized) await ds.destroy();
      }
    } finally {
      await db.drop();
    }
  });
});

/** Undoes the migrations applied after `name`, then `name` itself (later migrations come and go; this one is the subject). */
async function undoThrough(ds: DataSource, name: string): Promise<void> {
  for (;;) {
    const [last] = (await ds.query('SELECT name FROM migrations ORDER BY id DESC LIMIT 1')) as { name: string }[];
    if (!last) throw new Error(`undoThrough: ${name} is not applied`);
    await ds.undoLastMigration();
    if (last.name === name) return;
  }
}
