import { testDatabaseKinds } from '@tw/kernel/testing';
import { Platform, startPlatform } from '../src/platform';
import { District, loadReportDistrict, REPORT_2024_PART, REPORT_2025, YEAR } from './analytics-district';
import { selection } from './analytics-fields';

const ALL = selection(Object.keys(REPORT_2025));

describe.each(testDatabaseKinds())('the district report on %s', (kind) => {
  let p: Platform;
  let d: District;

  beforeAll(async () => {
    p = await startPlatform(kind);
    d = await loadReportDistrict(p);
  });
  afterAll(() => p.stop());

  it('answers every figure of the year as the district was built, each from the service that owns it', async () => {
    const r = await p.admin(`query($year: Int!) { districtReport(year: $year) { ${ALL} } }`, { year: YEAR });
    expect(r.errors).toBeUndefined();
    expect(r.data.districtReport).toEqual(REPORT_2025);
  });

  it('counts new designations from sinceYear through the year', async () => {
    const r = await p.admin('{ a: districtReport(year: 2025, sinceYear: 2023) { sinceYear newDesignations } b: districtReport(year: 2025, sinceYear: 2024) { newDesignations } }');
    expect(r.errors).toBeUndefined();
    // 2023: t3; 2024: t6, t15; 2025: t1 ×2, t10, t12
    expect(r.data).toEqual({ a: { sinceYear: 2023, newDesignations: 7 }, b: { newDesignations: 6 } });
    const bad = await p.admin('{ districtReport(year: 2025, sinceYear: 2026) { year } }');
    expect(bad.errors?.[0]).toMatchObject({ message: 'sinceYear 2026 is after year 2025: new designations are counted from sinceYear through year', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('answers a trend of years in one request, each service computing all the years with one statement per figure', async () => {
    const fields = selection(Object.keys(REPORT_2025).filter((f) => f !== 'year' && f !== 'sinceYear'));
    const before = p.statements();
    const r = await p.admin(`{ districtReports(fromYear: 2022, toYear: 2025) { year sinceYear ${fields} } }`);
    const after = p.statements();
    expect(r.errors).toBeUndefined();
    const years = r.data.districtReports;
    expect(years.map((y: { year: number; sinceYear: number }) => [y.year, y.sinceYear])).toEqual([[2022, 2022], [2023, 2023], [2024, 2024], [2025, 2025]]);
    expect(years[3]).toEqual(REPORT_2025);
    expect(years[2]).toMatchObject(REPORT_2024_PART);
    // 2022: t5's designation alone; 2023: t3's too, and t14 expelled on 2023-05-05 is vetoed from then on
    expect(years[0]).toMatchObject({ trainingPersonTimes: 0, inspections: 0, ethicsVetoedTeachers: 0, designatedTeacherCount: 1 });
    expect(years[1]).toMatchObject({ ethicsVetoedTeachers: 1, designatedTeacherCount: 2, newDesignations: 1 });
    // as many statements for four years as for one: every figure is grouped by year in SQL
    const one = p.statements();
    const single = await p.admin(`{ districtReports(fromYear: 2025, toYear: 2025) { year sinceYear ${fields} } }`);
    expect(single.errors).toBeUndefined();
    const done = p.statements();
    for (const service of ['personnel', 'professional-development', 'compensation', 'governance']) {
      expect(after[service] - before[service]).toBe(done[service] - one[service]);
    }
  });

  it('lets ANALYST read every figure, and withholds pay and talent figures over fewer than 5 teachers as compensation does', async () => {
    const analyst = p.as({ subject: 'analyst', role: 'ANALYST' });
    const r = await analyst(`{ districtReport(year: ${YEAR}) { ${ALL} } }`);
    expect(r.errors).toBeUndefined();
    const compare = await analyst(`{ payParity(year: ${YEAR}) { averageAnnualIncome ratio withheld } talentTotals(year: ${YEAR}) { passed subsidyTotal categories { passed } } }`);
    expect(r.data.districtReport).toEqual({
      ...REPORT_2025,
      // 8 teachers: the district average is shown (as payParity shows it to ANALYST)
      averageTeacherPay: compare.data.payParity.averageAnnualIncome,
      payParityRatio: compare.data.payParity.ratio,
      // A 1, B 2, C 2 assessed: every category withheld; the 4 paid a subsidy withhold the total
      talentPassedByCategory: REPORT_2025.talentPassedByCategory.map((c) => ({ ...c, passed: null, withheld: true })),
      talentPassed: 4,
      talentSubsidyTotal: null,
    });
    expect(compare.data.talentTotals).toEqual({ passed: 4, subsidyTotal: null, categories: [{ passed: null }, { passed: null }, { passed: null }] });
  });

  it('lets a SCHOOL_ADMIN read the district figures and refuses a TEACHER', async () => {
    const clerk = p.as({ subject: 'clerk', role: 'SCHOOL_ADMIN', schoolId: d.school.S1 });
    const r = await clerk(`{ districtReport(year: ${YEAR}) { teacherCount trainingPersonTimes teachersCommended } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.districtReport).toEqual({ teacherCount: 15, trainingPersonTimes: 10, teachersCommended: 2 });
    const teacher = p.as({ subject: 'teacher', role: 'TEACHER', teacherId: d.teacher.t1 });
    const refused = await teacher(`{ districtReport(year: ${YEAR}) { teacherCount } }`);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps the designated-teacher ids inside the platform: rosterCounts answers services only', async () => {
    const query = 'query($groups: [TeacherGroupInput!]!) { rosterCounts(groups: $groups) { key schoolId public teachers partyMembers } }';
    const r = await p.admin(query, { groups: [{ key: 'a', teacherIds: [d.teacher.t1] }] });
    expect(r.errors?.[0]).toMatchObject({ message: 'rosterCounts answers the platform’s services only', extensions: { code: 'FORBIDDEN' } });
    const service = p.as({ subject: 'service:professional-development', role: 'SERVICE' });
    const ok = await service(query, {
      groups: [
        { key: 'a', teacherIds: [d.teacher.t1, d.teacher.t6, d.teacher.t8, d.teacher.t15, 'no-such-teacher', d.teacher.t1] },
        { key: 'b', teacherIds: [d.teacher.t10] },
      ],
    });
    expect(ok.errors).toBeUndefined();
    // t8 retired; an unknown id counts nowhere; an id twice in a group counts once
    expect(ok.data.rosterCounts).toEqual([
      { key: 'a', schoolId: d.school.S1, public: true, teachers: 2, partyMembers: 1 },
      { key: 'a', schoolId: d.school.S3, public: false, teachers: 1, partyMembers: 1 },
      { key: 'b', schoolId: d.school.S2, public: true, teachers: 1, partyMembers: 1 },
    ].sort((x, y) => x.key.localeCompare(y.key) || x.schoolId.localeCompare(y.schoolId)));
  });
});
