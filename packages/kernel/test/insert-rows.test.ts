import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { dataSourceOptions, insertRows, newId, statementCounter, upsertById } from '@tw/kernel';
import { createTestDatabase, TestDatabase, testDatabaseKinds } from '@tw/kernel/testing';

const cents = { to: (v: bigint | null) => (v === null ? null : v.toString()), from: (v: string | null) => (v === null ? null : BigInt(v)) };

/** One of every kind of column the services write, twice: one table filled by insertRows, one by TypeORM. */
function entity(table: string) {
  @Entity(table)
  class Row {
    @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
    @Column({ type: 'varchar', length: 50 }) name!: string;
    @Column({ name: 'in_quota', type: 'boolean' }) inQuota!: boolean;
    @Column({ name: 'birth_date', type: 'date' }) birthDate!: string;
    @Column({ name: 'recorded_at', type: 'datetime', precision: 3 }) recordedAt!: Date;
    @Column({ type: 'bigint', nullable: true, transformer: cents }) amount!: bigint | null;
    @Column({ type: 'text', nullable: true }) note!: string | null;
    @Column({ type: 'varchar', length: 10, default: 'PLAIN' }) kind?: string;
  }
  return Row;
}
const Fast = entity('fast_rows');
const Typeorm = entity('typeorm_rows');
type Row = InstanceType<typeof Fast>;

const rowOf = (i: number): Row =>
  Object.assign(new Fast(), {
    id: newId(),
    name: i % 7 === 0 ? `名字 '"\\ ${i}` : `教师${i}`,
    inQuota: i % 2 === 0,
    birthDate: `19${70 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`,
    recordedAt: new Date(Date.UTC(2026, 10, 26, 8, 0, 0, i % 1000)),
    amount: i % 5 === 0 ? null : BigInt(i) * 1_000_000_007n,
    note: i % 3 === 0 ? null : `第 ${i} 行\n备注`,
    ...(i % 4 === 0 ? {} : { kind: `K${i % 10}` }),
  });

describe.each(testDatabaseKinds())('insertRows on %s', (kind) => {
  let db: TestDatabase;
  let ds: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase(kind, 'insert-rows');
    ds = new DataSource({ ...dataSourceOptions({ service: 'kernel-test', url: db.url, dataDir: db.dataDir, sqliteFile: db.sqliteFile, entities: [Fast, Typeorm], migrations: [] }), synchronize: true });
    await ds.initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const sorted = async (target: typeof Fast) => (await ds.getRepository(target).find()).sort((a, b) => a.id.localeCompare(b.id));

  it('stores every value as TypeORM would, defaults for missing ones, in one statement per chunk', async () => {
    const rows = Array.from({ length: 2600 }, (_, i) => rowOf(i));
    const counter = statementCounter(ds);
    const before = counter.total;
    await ds.transaction((m) => insertRows(m, Fast, rows));
    // 8 columns: 1,000 rows a statement (plus the transaction's begin and commit)
    expect(counter.total - before).toBe(3 + 2);
    for (let i = 0; i < rows.length; i += 500) await ds.getRepository(Typeorm).insert(rows.slice(i, i + 500).map((r) => Object.assign(new Typeorm(), r)));
    const fast = await sorted(Fast);
    const reference = await sorted(Typeorm);
    expect(fast).toHaveLength(2600);
    expect(fast.map((r) => ({ ...r }))).toEqual(reference.map((r) => ({ ...r })));
    const second = fast.find((r) => r.id === rows[1].id)!;
    expect(second).toMatchObject({ name: '教师1', inQuota: false, birthDate: '1971-02-11', amount: 1_000_000_007n, note: '第 1 行\n备注', kind: 'K1' });
    expect(second.recordedAt.toISOString()).toBe('2026-11-26T08:00:00.001Z');
    expect(fast.find((r) => r.id === rows[0].id)).toMatchObject({ name: '名字 \'"\\ 0', kind: 'PLAIN', amount: null, note: null });
  });

  it('upserts by id: listed columns of existing rows change, the rest stay, new rows are inserted', async () => {
    const stored = (await sorted(Fast)).slice(0, 3);
    const changed = stored.map((r) => ({ ...r, name: `${r.name}改`, note: 'changed', kind: 'IGNORED' }));
    const fresh = rowOf(9999);
    await ds.transaction((m) => upsertById(m, Fast, [...changed, fresh], ['name', 'note']));
    const after = await ds.getRepository(Fast).findBy(stored.map((r) => ({ id: r.id })));
    for (const r of after) {
      const was = stored.find((s) => s.id === r.id)!;
      expect(r).toEqual({ ...was, name: `${was.name}改`, note: 'changed' });
    }
    expect(await ds.getRepository(Fast).findOneBy({ id: fresh.id })).toMatchObject({ name: '教师9999', kind: 'K9' });
    expect(await ds.getRepository(Fast).count()).toBe(2601);
  });

  it('writes nothing of a statement that fails, and names an unknown column to update', async () => {
    const [first] = await sorted(Fast);
    const clash = [rowOf(1), { ...rowOf(2), id: first.id }];
    await expect(ds.transaction((m) => insertRows(m, Fast, clash))).rejects.toThrow();
    expect(await ds.getRepository(Fast).count()).toBe(2601);
    await expect(ds.transaction((m) => upsertById(m, Fast, [rowOf(3)], ['nmae']))).rejects.toThrow('fast_rows has no column nmae to update');
  });
});
