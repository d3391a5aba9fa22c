/**
 * Several importer instances on one database: jobs claimed exactly once (FOR UPDATE SKIP LOCKED on
 * MariaDB, an atomic UPDATE on SQLite), and a job whose instance died marked failed by another once
 * its lease expires, the same file then imported again without duplicates.
 */
import { JobStore, openImporterDatabase, teachersKind, writeKindXlsx } from '@tw/importer';
import { testDatabaseKinds } from '@tw/kernel/testing';
import { teacherInputs } from './fixtures';
import { ImportPlatform, startImportPlatform, tempFolder } from './harness';

describe.each(testDatabaseKinds())('importer instances on %s', (kind) => {
  let p: ImportPlatform;
  const tmp = tempFolder('imp-inst');

  beforeAll(async () => {
    p = await startImportPlatform(kind, { settings: { batchSize: 100 } });
    const r = await p.admin('mutation($rows: [SchoolInput!]!) { upsertSchools(rows: $rows) { created } }', {
      rows: [1, 2, 3, 4, 5, 6].map((i) => ({ code: `410102000${i}`, name: `第${i}小学`, type: 'PRIMARY', sponsor: 'PUBLIC' })),
    });
    expect(r.data.upsertSchools.created).toBe(6);
  });
  afterAll(async () => {
    await p.stop();
    tmp.remove();
  });

  it('never hands one queued job to two claims at once', async () => {
    const other = new JobStore(await openImporterDatabase({ url: p.importerDb.url, dataDir: p.importerDb.dataDir, sqliteFile: p.importerDb.sqliteFile }));
    try {
      // the platform's own worker is stopped first, so that only these claims compete (stopped after
      // the jobs were queued, it could take the first one on a slow machine)
      await p.importer.worker.stop();
      const ids: string[] = [];
      for (let i = 0; i < 12; i++) {
        const id = p.importer.store.newJobId();
        ids.push(id);
        await p.importer.store.create({
          id, kind: 'teachers', fileName: `claim-${i}.xlsx`, fileSize: 0, fileFormat: 'xlsx', fileSha256: '', subject: 'claim-test', role: 'DISTRICT_ADMIN', principalSchoolId: null, school: null, dryRun: false, partial: false,
        });
      }
      const claims = await Promise.all(Array.from({ length: 24 }, (_, i) => (i % 2 ? other : p.importer.store).claim(i % 2 ? 'instance-b' : 'instance-a')));
      const claimed = claims.filter((c): c is NonNullable<typeof c> => c !== null).map((c) => c.id);
      expect(claimed.sort()).toEqual([...ids].sort());
      const owners = await p.importerDs.query(`SELECT owner, COUNT(*) AS n FROM import_job WHERE subject = 'claim-test' GROUP BY owner`);
      expect(owners.map((o: { n: number | string }) => Number(o.n)).reduce((a: number, b: number) => a + b, 0)).toBe(12);
      // leave no claimed job behind for the lost-instance sweep of the next tests
      await p.importerDs.query(`UPDATE import_job SET status = 'failed' WHERE subject = 'claim-test'`);
    } finally {
      await other.ds.destroy();
    }
  });

  it('shares queued jobs between two instances, each job run by exactly one', async () => {
    const files = await Promise.all(
      [1, 2, 3, 4, 5, 6].map(async (i) => {
        const file = tmp.file(`school-${i}.xlsx`);
        await writeKindXlsx(teachersKind, teacherInputs(300, `410102000${i}`, i * 1000), file);
        return file;
      }),
    );
    const ids: string[] = [];
    for (const f of files) {
      const up = await p.upload('teachers', f);
      expect(up.status).toBe(202);
      ids.push(up.body.id);
    }
    const [b, c] = [await p.addImporter(), await p.addImporter()];
    const jobs = await Promise.all(ids.map((id) => p.waitJob(id)));
    // a job that did not succeed says why (its code and message), so a failure here can be read
    expect(jobs.map((j) => (j.status === 'succeeded' ? [j.status, j.rowsCreated] : [j.status, j.rowsCreated, j.errorCode, j.errorMessage]))).toEqual(ids.map(() => ['succeeded', 300]));
    const owners: Array<{ owner: string }> = await p.importerDs.query(`SELECT owner FROM import_job WHERE id IN (${ids.map(() => '?').join(', ')})`, ids);
    expect(owners.every((o) => o.owner === b.worker.owner || o.owner === c.worker.owner)).toBe(true);
    expect(new Set(owners.map((o) => o.owner)).size).toBe(2);
    expect((await p.admin('{ teachers(first: 1) { totalCount } }')).data.teachers.totalCount).toBe(1800);
  });

  it('marks failed the job of an instance that died mid-job, once its lease expires, and the same file then completes without duplicates', async () => {
    const rows = teacherInputs(5000, '4101020001', 20000);
    const file = tmp.file('interrupted.xlsx');
    await writeKindXlsx(teachersKind, rows, file);
    const before = (await p.admin('{ teachers(first: 1) { totalCount } }')).data.teachers.totalCount as number;
    // one instance runs it; it dies while writing
    // an instance with a short lease, so that a lost job is noticed quickly
    await p.addImporter({ leaseMs: 8000, heartbeatMs: 1000 });
    const up = await p.upload('teachers', file);
    let job = await p.job(up.body.id);
    // reading and checking 5,000 rows takes seconds alone and over a minute with the machine's cores shared 5 ways (measured)
    const deadline = Date.now() + 180_000;
    while (!(job.status === 'writing' && job.rowsCreated > 0) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
      job = await p.job(up.body.id);
    }
    expect(job.status).toBe('writing');
    const running: string[] = await p.importerDs.query('SELECT owner FROM import_job WHERE id = ?', [up.body.id]).then((r: Array<{ owner: string }>) => r.map((x) => x.owner));
    // stop whichever instance claimed it, as a crash would: no word to the database
    const instances = [p.importer, ...(await p.instances())];
    const owner = instances.find((h) => h.worker.owner === running[0])!;
    expect(owner).toBeDefined();
    await owner.worker.halt();
    const lost = await p.waitJob(up.body.id, undefined, 120_000);
    expect(lost).toMatchObject({ status: 'failed', errorCode: 'INSTANCE_LOST', errorMessage: expect.stringContaining('重新上传同一文件即可补全') });
    const partial = (await p.admin('{ teachers(first: 1) { totalCount } }')).data.teachers.totalCount as number;
    expect(partial).toBeGreaterThan(before);
    expect(partial).toBeLessThan(before + 5000);

    const again = await p.importFile('teachers', file);
    expect(again).toMatchObject({ status: 'succeeded', rowsRead: 5000, rowsRejected: 0 });
    expect(again.rowsCreated + again.rowsUnchanged).toBe(5000);
    expect(again.rowsUnchanged).toBe(partial - before);
    expect((await p.admin('{ teachers(first: 1) { totalCount } }')).data.teachers.totalCount).toBe(before + 5000);
    // a guard against a hang, not a speed check: halting waits for the batch in flight, which on a loaded
    // machine (the whole suite on 2 cores, versions written with every row) takes minutes, not seconds
  }, 480_000);
});
