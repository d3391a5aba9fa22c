import { addDays, Sanction, SANCTION, yearsTable } from '@tw/kernel';
import { createTestDatabase, TestDatabase, testDatabaseKinds } from '@tw/kernel/testing';
import { openGovernanceDatabase } from '@tw/governance';
import { DataSource } from 'typeorm';
import { VIOLATION_OVERLAPS_YEAR } from '../src/analytics/veto-sql';
import { overlapsYear, sanctionPeriod } from '../src/rules/veto-rule';

const YEARS = Array.from({ length: 12 }, (_, i) => 2016 + i);

/** Sanction dates that probe the rule's edges: 1sts, month ends, leap days, the days around New Year. */
const DATES = [
  '2019-01-01', '2019-06-30', '2019-07-01', '2019-07-02', '2019-08-31', '2019-12-31',
  '2020-01-01', '2020-01-31', '2020-02-29', '2020-06-30', '2020-07-01', '2020-07-02', '2020-08-31', '2020-12-01', '2020-12-31',
  '2021-01-01', '2021-02-28', '2021-03-31', '2021-12-31', '2022-11-20', '2023-01-02', '2023-01-31', '2023-08-31', '2024-07-02',
];
/** Revocations relative to the sanction date: none, before, on it, the day after, months later, after the end. */
const REVOKED_AFTER_DAYS: ReadonlyArray<number | null> = [null, -3, 0, 1, 100, 182, 183, 184, 365, 366, 400, 730, 731, 800];

describe.each(testDatabaseKinds())('the veto rule in SQL on %s', (kind) => {
  let db: TestDatabase;
  let ds: DataSource;
  const cases: Array<{ id: string; occurredOn: string; sanction: Sanction | null; revokedOn: string | null }> = [];

  beforeAll(async () => {
    db = await createTestDatabase(kind, 'veto_sql');
    ds = await openGovernanceDatabase({ url: db.url, dataDir: db.dataDir, sqliteFile: db.sqliteFile });
    const [{ id: item }] = await ds.query("SELECT id FROM negative_list_item WHERE code = '5'");
    let n = 0;
    for (const occurredOn of DATES) {
      for (const sanction of [...SANCTION.values(), null]) {
        for (const after of REVOKED_AFTER_DAYS) {
          const id = `v${String(++n).padStart(5, '0')}`;
          const revokedOn = after === null ? null : addDays(occurredOn, after);
          cases.push({ id, occurredOn, sanction, revokedOn });
        }
      }
    }
    // teacher + date is unique: one teacher per case
    for (let i = 0; i < cases.length; i += 500) {
      const chunk = cases.slice(i, i + 500);
      await ds.query(
        `INSERT INTO violation (id, teacher_id, school_id, occurred_on, negative_list_item_id, sanction, revoked_on, created_at, updated_at) VALUES ${chunk.map(() => "(?, ?, 's', ?, ?, ?, ?, '2025-01-01 00:00:00', '2025-01-01 00:00:00')").join(', ')}`,
        chunk.flatMap((c) => [c.id, `t-${c.id}`, c.occurredOn, item, c.sanction, c.revokedOn]),
      );
    }
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('vetoes exactly the (violation, year) pairs sanctionPeriod and overlapsYear veto', async () => {
    const y = yearsTable(YEARS);
    const found = await ds.query(`SELECT v.id AS id, y.yr AS yr FROM violation v JOIN (${y.sql}) y ON ${VIOLATION_OVERLAPS_YEAR}`, y.params);
    const sql = new Set<string>(found.map((r: { id: string; yr: unknown }) => `${r.id}:${Number(r.yr)}`));
    const rule = new Set(
      cases.flatMap((c) => {
        const period = sanctionPeriod(c);
        return period ? YEARS.filter((year) => overlapsYear(period, year)).map((year) => `${c.id}:${year}`) : [];
      }),
    );
    expect(cases.length).toBe(DATES.length * 6 * REVOKED_AFTER_DAYS.length);
    // the cases reach every kind of answer: never, some years, many years
    expect(rule.size).toBeGreaterThan(1000);
    expect([...sql].filter((k) => !rule.has(k))).toEqual([]);
    expect([...rule].filter((k) => !sql.has(k))).toEqual([]);
  });
});
