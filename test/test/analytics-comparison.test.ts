import { makeIdNumber, testDatabaseKinds } from '@tw/kernel/testing';
import { Platform, startPlatform } from '../src/platform';
import { District, loadReportDistrict, SCHOOL_FIELDS, SCHOOL_ROWS_2025, YEAR } from './analytics-district';
import { selection } from './analytics-fields';

type Row = Record<string, unknown>;

/** A fourth public school of 7 teachers paid 95,000 each: big enough for ANALYST to see its average. */
const S4 = { code: '4101029104', name: '报表第四小学' };
const S4_ROW: Row = {
  ...Object.fromEntries(SCHOOL_FIELDS.map((f) => [f, 0])),
  teacherCount: 7, publicTeacherCount: 7, quotaFilled: 7, quotaApproved: null, designatedShareOfPublicTeachers: 0,
  averageTeacherPay: '95000.00', payParityRatio: 0.95, payTeachers: 7, payWithheld: false, talentSubsidyTotal: '0.00',
  inspectionReduction: null, reformStatus: 'NOT_STARTED',
};

const camel = (metric: string) => metric.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const REFORM_RANK = ['NOT_STARTED', 'PILOT', 'COMPLETED'];
const names = new Intl.Collator('zh-CN');

/** The order the comparison must give: by the figure, schools without it last either way, ties by code. */
function expectedOrder(rows: Array<{ key: string; code: string; name: string; row: Row }>, metric: string, direction: 'ASC' | 'DESC'): string[] {
  const value = (r: (typeof rows)[number]): number | string | null => {
    if (metric === 'SCHOOL_CODE') return r.code;
    if (metric === 'SCHOOL_NAME') return r.name;
    const v = r.row[camel(metric)];
    if (metric === 'REFORM_STATUS') return REFORM_RANK.indexOf(v as string);
    return v === null || v === undefined ? null : Number(v);
  };
  return [...rows]
    .sort((a, b) => {
      const [va, vb] = [value(a), value(b)];
      if (va === null || vb === null) {
        if (va !== vb) return va === null ? 1 : -1;
      } else {
        const c = typeof va === 'string' ? names.compare(va, vb as string) : va < (vb as number) ? -1 : va > (vb as number) ? 1 : 0;
        if (c) return direction === 'DESC' ? -c : c;
      }
      return a.code < b.code ? -1 : 1;
    })
    .map((r) => r.key);
}

/** S2's pay and talent figures rest on fewer than 5 teachers: withheld from every reader but the district's. */
const S2_WITHHELD = { averageTeacherPay: null, payParityRatio: null, payWithheld: true, talentPassed: null, talentSubsidyTotal: null };

describe.each(testDatabaseKinds())('the school comparison on %s', (kind) => {
  let p: Platform;
  let d: District;
  let schools: Array<{ key: string; id: string; code: string; name: string }>;
  let metrics: string[];
  const ROWS: Record<string, (typeof SCHOOL_ROWS_2025)[string]> = { ...SCHOOL_ROWS_2025, S4: S4_ROW };

  beforeAll(async () => {
    p = await startPlatform(kind);
    d = await loadReportDistrict(p);
    const upsert = (m: string, input: string) => `mutation($rows: [${input}!]!) { r: ${m}(rows: $rows) { rejected } }`;
    expect((await p.admin(upsert('upsertSchools', 'SchoolInput'), { rows: [{ ...S4, type: 'PRIMARY', sponsor: 'PUBLIC' }] })).data.r.rejected).toBe(0);
    const teachers = Array.from({ length: 7 }, (_, i) => {
      const birthDate = `1990-0${i + 1}-0${i + 1}`;
      return { schoolCode: S4.code, name: `第四小学教师${i}`, gender: 'FEMALE', idNumber: makeIdNumber({ birthDate, seq: 90 + i, gender: 'FEMALE' }), birthDate, ethnicity: 'HAN', politicalStatus: 'MASSES', workStartMonth: '2012-09', schoolStartMonth: '2012-09', inQuota: true, status: 'IN_SERVICE' };
    });
    expect((await p.admin(upsert('upsertTeachers', 'TeacherInput'), { rows: teachers })).data.r.rejected).toBe(0);
    const list = await p.admin('{ schools(first: 100) { nodes { id code name } } teachers(first: 100, filter: { namePrefix: "第四小学" }) { nodes { id } } }');
    const pay = list.data.teachers.nodes.map((t: { id: string }) => ({ teacherId: t.id, year: YEAR, annualIncome: '95000.00' }));
    expect(pay).toHaveLength(7);
    expect((await p.admin(upsert('upsertPayRecords', 'PayRecordInput'), { rows: pay })).data.r.rejected).toBe(0);
    const keyOf = (id: string) => (Object.entries(d.school).find(([, v]) => v === id)?.[0] ?? 'S4');
    schools = list.data.schools.nodes.map((s: { id: string; code: string; name: string }) => ({ ...s, key: keyOf(s.id) }));
    metrics = (await p.admin('{ __type(name: "SchoolReportMetric") { enumValues { name } } }')).data.__type.enumValues.map((v: { name: string }) => v.name);
  });
  afterAll(() => p.stop());

  const page = (extra = '') => `query($orderBy: SchoolReportMetric, $direction: SortDirection, $first: Int, $after: String) {
    schoolComparison(year: ${YEAR}, orderBy: $orderBy, direction: $direction, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor } nodes { schoolId year sinceYear school { code name } ${extra} } } }`;

  it("answers each school's figures of the year, as the district was built", async () => {
    const r = await p.admin(page(selection(SCHOOL_FIELDS)), { first: 10 });
    expect(r.errors).toBeUndefined();
    const c = r.data.schoolComparison;
    expect(c.totalCount).toBe(4);
    expect(c.pageInfo.hasNextPage).toBe(false);
    // the default order is by 学校标识码
    expect(c.nodes.map((n: { school: { code: string } }) => n.school.code)).toEqual(['4101029101', '4101029102', '4101029103', '4101029104']);
    for (const n of c.nodes) {
      const key = schools.find((s) => s.id === n.schoolId)!.key;
      const { schoolId, year, sinceYear, school, ...figures } = n;
      expect({ key, schoolId, year, sinceYear }).toEqual({ key, schoolId: schools.find((s) => s.key === key)!.id, year: YEAR, sinceYear: YEAR });
      expect(school.code).toBe(schools.find((s) => s.key === key)!.code);
      expect({ key, ...figures }).toEqual({ key, ...ROWS[key] });
    }
  });

  it('orders by every figure in both directions, schools without the figure last', async () => {
    // every figure of a row but the group sizes and withheld flags that qualify the pay and talent figures
    const sortable = SCHOOL_FIELDS.filter((f) => !['payTeachers', 'payWithheld'].includes(f));
    expect(metrics.filter((m) => !m.startsWith('SCHOOL_')).map(camel).sort()).toEqual(sortable.sort());
    const rows = schools.map((s) => ({ ...s, row: ROWS[s.key] }));
    for (const metric of metrics) {
      for (const direction of ['ASC', 'DESC'] as const) {
        const r = await p.admin(page(), { orderBy: metric, direction, first: 10 });
        expect(r.errors).toBeUndefined();
        const got = r.data.schoolComparison.nodes.map((n: { schoolId: string }) => schools.find((s) => s.id === n.schoolId)!.key);
        expect({ metric, direction, order: got }).toEqual({ metric, direction, order: expectedOrder(rows, metric, direction) });
      }
    }
  });

  it('pages through an order with cursors, and refuses a cursor of another order', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 4; i++) {
      const r: { data?: { schoolComparison: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: Array<{ schoolId: string }> } } } = await p.admin(page(), {
        orderBy: 'TRAINING_PERSON_TIMES', direction: 'DESC', first: 1, after,
      });
      const c = r.data!.schoolComparison;
      expect(c.totalCount).toBe(4);
      seen.push(schools.find((s) => s.id === c.nodes[0].schoolId)!.key);
      expect(c.pageInfo.hasNextPage).toBe(i < 3);
      after = c.pageInfo.endCursor;
    }
    // S1 6, S2 3, S3 1, S4 0 person-times
    expect(seen).toEqual(['S1', 'S2', 'S3', 'S4']);
    const last = await p.admin(page(), { orderBy: 'TRAINING_PERSON_TIMES', direction: 'DESC', first: 5, after });
    expect(last.data.schoolComparison.nodes).toEqual([]);
    const wrong = await p.admin(page(), { orderBy: 'TEACHER_COUNT', direction: 'DESC', first: 1, after });
    expect(wrong.errors?.[0]).toMatchObject({
      message: 'This cursor is of the comparison ordered by TRAINING_PERSON_TIMES DESC; this request orders by TEACHER_COUNT DESC',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it("shows a SCHOOL_ADMIN their own school's row only, small groups withheld as from any reader but the district's", async () => {
    const clerk = p.as({ subject: 'clerk', role: 'SCHOOL_ADMIN', schoolId: d.school.S2 });
    for (const orderBy of ['SCHOOL_CODE', 'AVERAGE_TEACHER_PAY', 'TRAINING_PERSON_TIMES', 'DESIGNATED_SHARE_OF_PUBLIC_TEACHERS', 'ETHICS_VETOED_TEACHERS']) {
      const r = await clerk(page(selection(SCHOOL_FIELDS)), { orderBy, first: 50 });
      expect(r.errors).toBeUndefined();
      expect(r.data.schoolComparison.totalCount).toBe(1);
      const [row] = r.data.schoolComparison.nodes;
      const { schoolId, year, sinceYear, school, ...figures } = row;
      // the small-group rule is the same for every reader but the district's (S2's pay rests on 2 teachers): a
      // clerk's answer and an analyst's together give nothing away; the clerk reads each of those pay records anyway
      expect({ schoolId, figures }).toEqual({ schoolId: d.school.S2, figures: { ...SCHOOL_ROWS_2025.S2, ...S2_WITHHELD } });
    }
    const own = await clerk(`{ school(id: "${d.school.S2}") { report(year: ${YEAR}) { teacherCount averageTeacherPay } } }`);
    expect(own.data.school.report).toEqual({ teacherCount: 4, averageTeacherPay: null });
    const other = await clerk(`{ school(id: "${d.school.S1}") { report(year: ${YEAR}) { teacherCount } } }`);
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // nor can the figures be ordered through the services' own lists
    const direct = await clerk(`{ developmentSchoolMetric(year: ${YEAR}, metric: TRAINING_PERSON_TIMES) { schoolId } governanceSchoolMetric(year: ${YEAR}, metric: INSPECTIONS) { schoolId } }`);
    expect(direct.data.developmentSchoolMetric).toEqual([{ schoolId: d.school.S2 }]);
    expect(direct.data.governanceSchoolMetric).toEqual([{ schoolId: d.school.S2 }]);
  });

  it('orders ANALYST’s comparison by what ANALYST may see: withheld pay figures last, their order telling nothing', async () => {
    const analyst = p.as({ subject: 'analyst', role: 'ANALYST' });
    const r = await analyst(page('averageTeacherPay payWithheld payTeachers talentPassed talentWithheld'), { orderBy: 'AVERAGE_TEACHER_PAY', direction: 'ASC', first: 10 });
    expect(r.errors).toBeUndefined();
    const byKey = Object.fromEntries(r.data.schoolComparison.nodes.map((n: Row & { schoolId: string }) => [schools.find((s) => s.id === n.schoolId)!.key, n]));
    // S2 (2 teachers) is withheld; S1 (6) with it, or S2 could be worked out from the district average; S3 (private, 2) alone
    expect(byKey.S1).toMatchObject({ averageTeacherPay: null, payWithheld: true, payTeachers: 6, talentPassed: null, talentWithheld: true });
    expect(byKey.S2).toMatchObject({ averageTeacherPay: null, payWithheld: true, payTeachers: 2 });
    expect(byKey.S3).toMatchObject({ averageTeacherPay: null, payWithheld: true, payTeachers: 2 });
    expect(byKey.S4).toMatchObject({ averageTeacherPay: '95000.00', payWithheld: false, payTeachers: 7 });
    for (const direction of ['ASC', 'DESC']) {
      const o = await analyst(page(), { orderBy: 'AVERAGE_TEACHER_PAY', direction, first: 10 });
      expect(o.data.schoolComparison.nodes.map((n: { schoolId: string }) => schools.find((s) => s.id === n.schoolId)!.key)).toEqual(['S4', 'S1', 'S2', 'S3']);
    }
    // DISTRICT_ADMIN sees every average, and the order follows them
    const admin = await p.admin(page(), { orderBy: 'AVERAGE_TEACHER_PAY', direction: 'DESC', first: 10 });
    expect(admin.data.schoolComparison.nodes.map((n: { schoolId: string }) => schools.find((s) => s.id === n.schoolId)!.key)).toEqual(['S1', 'S4', 'S2', 'S3']);
  });

  it('refuses a TEACHER', async () => {
    const teacher = p.as({ subject: 'teacher', role: 'TEACHER', teacherId: d.teacher.t1 });
    const r = await teacher(page(), { first: 1 });
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
