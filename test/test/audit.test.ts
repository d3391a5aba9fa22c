import { testDatabaseKinds } from '@tw/kernel/testing';
import { generateDistrict } from '@tw/demo';
import { Platform, startPlatform } from '../src/platform';

const LOG = (query: string) => `{ ${query}(first: 50) { totalCount nodes { entity entityId teacherId actorSubject actorRole before after } } }`;

describe.each(testDatabaseKinds())('the audit log of every service, through the gateway, on %s', (kind) => {
  let p: Platform;
  let teacherId: string;
  const district = generateDistrict(11);

  beforeAll(async () => {
    p = await startPlatform(kind);
    await p.admin('mutation($rows: [SchoolInput!]!) { upsertSchools(rows: $rows) { created } }', { rows: district.schools.slice(0, 1) });
    const teachers = district.teachers.filter((t) => t.schoolCode === district.schools[0].code && t.status === 'IN_SERVICE').slice(0, 1);
    const r = await p.admin('mutation($rows: [TeacherInput!]!) { upsertTeachers(rows: $rows) { rows { id } } }', { rows: teachers });
    teacherId = r.data.upsertTeachers.rows[0].id;
  });
  afterAll(() => p.stop());

  it('records writes in personnel, professional-development and compensation, with before and after', async () => {
    const training = await p.admin(
      'mutation($rows: [TrainingInput!]!) { upsertTrainings(rows: $rows) { created rejected rows { code message } } }',
      { rows: [{ teacherId, year: 2024, level: 'COUNTY', projectName: '2024年区级师德师风专题培训', mode: 'SHORT_FACE_TO_FACE', hours: 12 }] },
    );
    expect(training.data.upsertTrainings).toMatchObject({ created: 1, rejected: 0 });
    const pay = await p.admin('mutation($rows: [PayRecordInput!]!) { upsertPayRecords(rows: $rows) { created rejected rows { code message } } }', {
      rows: [{ teacherId, year: 2024, annualIncome: '98000.00' }],
    });
    expect(pay.data.upsertPayRecords).toMatchObject({ created: 1, rejected: 0 });
    await p.admin('mutation($rows: [PayRecordInput!]!) { upsertPayRecords(rows: $rows) { updated } }', { rows: [{ teacherId, year: 2024, annualIncome: '99000.50' }] });

    const personnel = (await p.admin(LOG('personnelAuditLog'))).data.personnelAuditLog;
    expect(personnel.nodes.map((n: { entity: string }) => n.entity).sort()).toEqual(['school', 'teacher']);

    const development = (await p.admin(LOG('professionalDevelopmentAuditLog'))).data.professionalDevelopmentAuditLog;
    expect(development.nodes.map((n: { entity: string }) => n.entity).sort()).toEqual(['training_participation', 'training_programme']);
    expect(development.nodes.find((n: { entity: string }) => n.entity === 'training_participation').teacherId).toBe(teacherId);

    const compensation = (await p.admin(LOG('compensationAuditLog'))).data.compensationAuditLog;
    expect(compensation.totalCount).toBe(2);
    const [created, updated] = compensation.nodes;
    expect(created).toMatchObject({ entity: 'pay_record', teacherId, actorRole: 'DISTRICT_ADMIN', before: null });
    expect(String(JSON.parse(updated.before).annualIncome)).toBe('9800000');
    expect(String(JSON.parse(updated.after).annualIncome)).toBe('9900050');

    await p.admin('mutation($rows: [EthicsAssessmentInput!]!) { upsertEthicsAssessments(rows: $rows) { created } }', { rows: [{ teacherId, year: 2024, result: 'EXCELLENT' }] });
    const governance = (await p.admin(LOG('governanceAuditLog'))).data.governanceAuditLog;
    expect(governance.nodes).toEqual([expect.objectContaining({ entity: 'ethics_assessment', teacherId, actorRole: 'DISTRICT_ADMIN', before: null })]);
  });

  it('is one type with one set of filters, whichever service keeps it', async () => {
    const q = await p.admin('{ __schema { queryType { fields { name type { ofType { name } } args { name type { name } } } } } }');
    const logs = q.data.__schema.queryType.fields.filter((f: { name: string }) => f.name.endsWith('AuditLog'));
    expect(logs.map((f: { name: string }) => f.name).sort()).toEqual(['compensationAuditLog', 'governanceAuditLog', 'importerAuditLog', 'personnelAuditLog', 'professionalDevelopmentAuditLog']);
    for (const f of logs) {
      expect({ name: f.name, type: f.type.ofType.name, filter: f.args.find((a: { name: string }) => a.name === 'filter').type.name }).toEqual({ name: f.name, type: 'AuditEntryConnection', filter: 'AuditFilter' });
    }
    // a day filter is a day in China (UTC+8): the day the one governance entry was written there
    const count = async (f: object) => (await p.admin('query($f: AuditFilter) { governanceAuditLog(filter: $f) { totalCount } }', { f })).data.governanceAuditLog.totalCount;
    const [entry] = (await p.admin('{ governanceAuditLog { nodes { recordedAt } } }')).data.governanceAuditLog.nodes;
    const dayOf = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
    const at = Date.parse(entry.recordedAt);
    expect(await count({ fromDay: dayOf(at), toDay: dayOf(at) })).toBe(1);
    expect(await count({ toDay: dayOf(at - 24 * 3600_000) })).toBe(0);
    expect(await count({ fromDay: dayOf(at + 24 * 3600_000) })).toBe(0);
    expect(await count({ from: entry.recordedAt })).toBe(1);
    expect(await count({ to: entry.recordedAt })).toBe(0);
  });

  it('is DISTRICT_ADMIN only, and the API has no way to change it', async () => {
    // not even an internal service reads who changed what
    for (const role of ['ANALYST', 'TEACHER', 'SCHOOL_ADMIN', 'SERVICE'] as const) {
      const who = p.as({ subject: role === 'SERVICE' ? 'service:importer' : 'x', role, schoolId: role === 'SCHOOL_ADMIN' ? 's' : undefined, teacherId: role === 'TEACHER' ? teacherId : undefined });
      for (const q of ['personnelAuditLog', 'professionalDevelopmentAuditLog', 'compensationAuditLog', 'governanceAuditLog']) {
        const r = await who(`{ ${q} { totalCount } }`);
        expect({ q, role, code: r.errors?.[0].extensions?.code }).toEqual({ q, role, code: 'FORBIDDEN' });
      }
    }
    const types = await p.admin('{ __schema { mutationType { fields { name } } } }');
    expect(types.data.__schema.mutationType.fields.map((f: { name: string }) => f.name).filter((n: string) => /audit/i.test(n))).toEqual([]);
  });
});
