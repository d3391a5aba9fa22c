import { testDatabaseKinds } from '@tw/kernel/testing';
import { PersonnelTestServer, schoolRow, startPersonnelForTest, teacherRow, UPSERT_SCHOOLS, UPSERT_TEACHERS } from './harness';

const AUDIT = `query($filter: AuditFilter) { personnelAuditLog(filter: $filter, first: 100) { totalCount nodes { entity entityId key actorSubject actorRole teacherId before after } } }`;

describe.each(testDatabaseKinds())('personnel audit log on %s', (kind) => {
  let s: PersonnelTestServer;
  beforeAll(async () => {
    s = await startPersonnelForTest(kind);
  });
  afterAll(() => s.stop());

  it('records every write with who, what, before and after, in the write transaction', async () => {
    await s.admin(UPSERT_SCHOOLS, { rows: [schoolRow(1), schoolRow(2)] });
    const rows = [teacherRow(1, '4101020001'), teacherRow(2, '4101020001')];
    const created = await s.admin(UPSERT_TEACHERS, { rows });
    const ids = created.data.upsertTeachers.rows.map((r: { id: string }) => r.id);
    await s.admin(UPSERT_TEACHERS, { rows: [{ ...rows[0], name: '改了名' }, rows[1]] });

    const log = await s.admin(AUDIT, { filter: { entity: 'teacher', entityId: ids[0] } });
    expect(log.errors).toBeUndefined();
    const [create, update] = log.data.personnelAuditLog.nodes;
    expect(log.data.personnelAuditLog.totalCount).toBe(2);
    expect(create).toMatchObject({ entity: 'teacher', actorSubject: 'district-admin', actorRole: 'DISTRICT_ADMIN', teacherId: ids[0], before: null });
    expect(JSON.parse(create.after).name).toBe('教师1');
    expect(JSON.parse(update.before).name).toBe('教师1');
    expect(JSON.parse(update.after).name).toBe('改了名');
    // the unchanged second row of the second call wrote nothing, so it has one entry only
    const other = await s.admin(AUDIT, { filter: { entityId: ids[1] } });
    expect(other.data.personnelAuditLog.totalCount).toBe(1);
  });

  it('records nothing for a call that wrote nothing', async () => {
    const before = (await s.admin(AUDIT)).data.personnelAuditLog.totalCount;
    await s.admin(UPSERT_TEACHERS, { rows: [teacherRow(3, '4101020001'), teacherRow(4, '9999999999')] });
    await s.admin(UPSERT_TEACHERS, { rows: [teacherRow(5, '4101020001')], options: { dryRun: true } });
    expect((await s.admin(AUDIT)).data.personnelAuditLog.totalCount).toBe(before);
  });

  it('records a dynamic quota adjustment', async () => {
    await s.admin('mutation { upsertQuotas(rows: [{ schoolCode: "4101020001", year: 2025, approved: 10 }, { schoolCode: "4101020002", year: 2025, approved: 5 }]) { created } }');
    const schools = (await s.admin('{ schools { nodes { id code } } }')).data.schools.nodes;
    const [a, b] = ['4101020001', '4101020002'].map((c) => schools.find((x: { code: string }) => x.code === c).id);
    const r = await s.admin(`mutation { adjustQuotas(input: { year: 2025, reason: "区编委〔2025〕3号", changes: [{ schoolId: "${a}", delta: -2 }, { schoolId: "${b}", delta: 2 }] }) { districtTotal } }`);
    expect(r.data.adjustQuotas.districtTotal).toBe(15);
    const log = await s.admin(AUDIT, { filter: { entity: 'staffing_quota' } });
    const adjustments = log.data.personnelAuditLog.nodes.filter((n: { key: string }) => n.key.includes('区编委'));
    expect(adjustments.map((n: { after: string }) => JSON.parse(n.after).approved).sort()).toEqual([7, 8]);
  });

  it('is read by DISTRICT_ADMIN only and cannot be changed, not even with SQL', async () => {
    const clerk = s.as({ subject: 'clerk', role: 'SCHOOL_ADMIN', schoolId: 'x' });
    expect((await clerk(AUDIT)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const analyst = s.as({ subject: 'a', role: 'ANALYST' });
    expect((await analyst(AUDIT)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const mutations = await s.admin('{ __schema { mutationType { fields { name } } } }');
    expect(mutations.data.__schema.mutationType.fields.map((f: { name: string }) => f.name).filter((n: string) => /audit/i.test(n))).toEqual([]);
    await expect(s.ds.query("UPDATE audit_log SET actor_subject = 'someone else'")).rejects.toThrow(/append-only/);
    await expect(s.ds.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });
});
