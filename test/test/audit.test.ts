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
  });

  it('is DISTRICT_ADMIN only, and the API has no way to change it', async () => {
    for (const role of ['ANALYST', 'TEACHER', 'SCHOOL_ADMIN'] as const) {
      const who = p.as({ subject: 'x', role, schoolId: role === 'SCHOOL_ADMIN' ? 's' : undefined, teacherId: role === 'TEACHER' ? teacherId : undefined });
      for (const q of ['personnelAuditLog', 'professionalDevelopmentAuditLog', 'compensationAuditLog', 'governanceAuditLog']) {
        const r = await who(`{ ${q} { totalCount } }`);
        expect({ q, role, code: r.errors?.[0].extensions?.code }).toEqual({ q, role, code: 'FORBIDDEN' });
      }
    }
    const types = await p.admin('{ __schema { mutationType { fields { name } } } }');
    expect(types.data.__schema.mutationType.fields.map((f: { name: string }) => f.name).filter((n: string) => /audit/i.test(n))).toEqual([]);
  });
});
