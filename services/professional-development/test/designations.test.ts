import { TEST_YEAR, testDatabaseKinds } from '@tw/kernel/testing';
import { isValidInYear } from '../src/rules/designation-validity';
import { DevelopmentTestServer, makeTeachers, outcomes, SCHOOL_A, SCHOOL_B, startDevelopmentForTest, TEACHER_ENTITIES, teacherReps, UPSERT_DESIGNATIONS } from './harness';

const row = (teacherId: string, over: Record<string, unknown> = {}) => ({ teacherId, kind: 'BACKBONE_TEACHER', level: 'DISTRICT', year: 2024, issuer: '区教育局', ...over });

describe.each(testDatabaseKinds())('professional-development designations on %s', (kind) => {
  const ts = makeTeachers(40, SCHOOL_A);
  const others = makeTeachers(5, SCHOOL_B, '外校教师');
  let s: DevelopmentTestServer;

  beforeAll(async () => {
    s = await startDevelopmentForTest(kind, [...ts, ...others]);
  });
  afterAll(() => s.stop());

  const designationCount = async () =>
    ((await s.admin(TEACHER_ENTITIES('designations { id }'), { r: teacherReps([...ts, ...others]) })).data._entities as Array<{ designations: unknown[] }>).reduce(
      (n, t) => n + t.designations.length,
      0,
    );

  it('records designations by teacher + 称号 + 级别 + 认定年度: unchanged on re-import, updated when the expiry changes', async () => {
    const rows = [row(ts[0].id), row(ts[1].id, { kind: 'FAMOUS_TEACHER', level: 'MUNICIPAL', validUntil: '2027-12-31' })];
    const r = (await s.admin(UPSERT_DESIGNATIONS, { rows })).data.r;
    expect(r).toMatchObject({ created: 2, written: true });
    expect(s.governance.calls).toEqual([{ ids: [ts[0].id, ts[1].id], year: 2024 }]);
    const again = (await s.admin(UPSERT_DESIGNATIONS, { rows })).data.r;
    expect(again).toMatchObject({ unchanged: 2, written: false });
    const changed = (await s.admin(UPSERT_DESIGNATIONS, { rows: [{ ...rows[1], validUntil: '2028-12-31' }] })).data.r;
    expect(changed).toMatchObject({ updated: 1, written: true });
    // only new designations are put to governance
    expect(s.governance.calls).toHaveLength(1);
  });

  it('refuses a new designation of a teacher vetoed in its year with ETHICS_VETO and governance’s reasons, asking once per year', async () => {
    s.governance.calls.length = 0;
    s.governance.veto(ts[3].id, 2025, ['2025年度师德考核结论为不合格', '违反十项准则第9条（收受家长礼品）']);
    const rows = [row(ts[2].id, { year: 2025 }), row(ts[3].id, { year: 2025, kind: 'SUBJECT_LEADER' }), row(ts[4].id, { year: 2023 }), row(ts[3].id, { year: 2023 })];
    const before = await designationCount();
    const r = (await s.admin(UPSERT_DESIGNATIONS, { rows })).data.r;
    expect(outcomes(r)).toEqual(['CREATED', 'ETHICS_VETO', 'CREATED', 'CREATED']);
    expect(r.rows[1].message).toBe('教师“教师4”在 2025 年度受师德一票否决，不能认定为区级学科带头人：2025年度师德考核结论为不合格；违反十项准则第9条（收受家长礼品）');
    expect(r.written).toBe(false);
    expect(await designationCount()).toBe(before);
    expect(s.governance.calls.map((c) => ({ year: c.year, ids: [...c.ids].sort() })).sort((a, b) => a.year - b.year)).toEqual([
      { year: 2023, ids: [ts[4].id, ts[3].id].sort() },
      { year: 2025, ids: [ts[2].id, ts[3].id].sort() },
    ]);

    const partial = (await s.admin(UPSERT_DESIGNATIONS, { rows, options: { partial: true } })).data.r;
    expect(outcomes(partial)).toEqual(['CREATED', 'ETHICS_VETO', 'CREATED', 'CREATED']);
    expect(await designationCount()).toBe(before + 3);
  });

  it('does not refuse an unchanged re-import of a designation recorded before the veto', async () => {
    s.governance.veto(ts[0].id, 2024, ['2024年度师德考核不合格']);
    s.governance.calls.length = 0;
    const r = (await s.admin(UPSERT_DESIGNATIONS, { rows: [row(ts[0].id)] })).data.r;
    expect(outcomes(r)).toEqual(['UNCHANGED']);
    expect(s.governance.calls).toEqual([]);
    const fresh = (await s.admin(UPSERT_DESIGNATIONS, { rows: [row(ts[0].id, { kind: 'FAMOUS_TEACHER' })] })).data.r;
    expect(outcomes(fresh)).toEqual(['ETHICS_VETO']);
  });

  it('fails the whole call with UNAVAILABLE when governance cannot be asked, writing nothing', async () => {
    const before = await designationCount();
    s.governance.down = true;
    try {
      const r = await s.admin(UPSERT_DESIGNATIONS, { rows: [row(ts[5].id), row(ts[6].id, { year: 2022 })], options: { partial: true } });
      expect(r.data?.r ?? null).toBeNull();
      expect(r.errors?.[0].extensions?.code).toBe('UNAVAILABLE');
      expect(r.errors?.[0].message).toContain('无法向治理服务核验');
      const dry = await s.admin(UPSERT_DESIGNATIONS, { rows: [row(ts[5].id)], options: { dryRun: true } });
      expect(dry.errors?.[0].extensions?.code).toBe('UNAVAILABLE');
      // nothing new to check: no question to governance, so the call goes through
      const unchanged = await s.admin(UPSERT_DESIGNATIONS, { rows: [row(ts[1].id, { kind: 'FAMOUS_TEACHER', level: 'MUNICIPAL', validUntil: '2028-12-31' })] });
      expect(outcomes(unchanged.data.r)).toEqual(['UNCHANGED']);
    } finally {
      s.governance.down = false;
    }
    expect(await designationCount()).toBe(before);
  });

  it('rejects bad values with codes and messages naming them', async () => {
    const nextYear = TEST_YEAR + 1;
    const rows = [
      row(ts[7].id, { validUntil: '2023-12-31' }),
      row(ts[8].id, { year: nextYear }),
      row('unknown-teacher'),
      row(ts[9].id, { issuer: '认'.repeat(101) }),
      row(ts[10].id, { validUntil: '2024-01-31' }),
      row(ts[10].id),
    ];
    const r = (await s.admin(UPSERT_DESIGNATIONS, { rows })).data.r;
    expect(outcomes(r)).toEqual(['EXPIRY_BEFORE_YEAR', 'BAD_YEAR', 'TEACHER_NOT_FOUND', 'TOO_LONG', 'CREATED', 'DUPLICATE_KEY']);
    expect(r.rows[0].message).toBe('有效期至 2023-12-31 早于认定年度 2024');
    expect(r.rows[1].message).toContain(`认定年度 ${nextYear} 无效`);
    expect(r.rows[2].message).toContain('unknown-teacher');
    expect(r.written).toBe(false);
  });

  it('ranks the tier ladder per teacher for a year and keeps the history', async () => {
    const t = ts[20];
    const rows = [
      row(t.id, { kind: 'BACKBONE_TEACHER', level: 'PROVINCIAL', year: 2016, validUntil: '2020-12-31' }),
      row(t.id, { kind: 'SPECIAL_GRADE_TEACHER', level: 'MUNICIPAL', year: 2019 }),
      row(t.id, { kind: 'FAMOUS_TEACHER', level: 'PROVINCIAL', year: 2022, validUntil: '2025-12-31' }),
    ];
    expect((await s.admin(UPSERT_DESIGNATIONS, { rows })).data.r.created).toBe(3);
    const q = TEACHER_ENTITIES('y2017: highestDesignation(year: 2017) { kind level } y2021: highestDesignation(year: 2021) { kind level } y2023: highestDesignation(year: 2023) { kind level } y2026: highestDesignation(year: 2026) { kind level } y2015: highestDesignation(year: 2015) { kind } designations { year kind }');
    const [answer] = (await s.admin(q, { r: teacherReps([t]) })).data._entities;
    expect(answer).toMatchObject({
      y2015: null,
      y2017: { kind: 'BACKBONE_TEACHER', level: 'PROVINCIAL' },
      y2021: { kind: 'SPECIAL_GRADE_TEACHER', level: 'MUNICIPAL' },
      y2023: { kind: 'FAMOUS_TEACHER', level: 'PROVINCIAL' },
      y2026: { kind: 'SPECIAL_GRADE_TEACHER', level: 'MUNICIPAL' },
    });
    expect(answer.designations.map((d: { year: number }) => d.year)).toEqual([2022, 2019, 2016]);
  });

  it('lists designated teachers valid in a year exactly as the validity rule says, a page at a time', async () => {
    const cases = [
      { year: 2018, validUntil: null },
      { year: 2019, validUntil: '2020-12-31' },
      { year: 2020, validUntil: '2021-01-01' },
      { year: 2021, validUntil: '2021-06-30' },
      { year: 2022, validUntil: null },
    ];
    const teachers = ts.slice(30, 35);
    const rows = cases.map((c, i) => row(teachers[i].id, { kind: 'SUBJECT_LEADER', level: 'NATIONAL', ...c }));
    expect((await s.admin(UPSERT_DESIGNATIONS, { rows })).data.r.created).toBe(5);
    for (const year of [2017, 2018, 2019, 2020, 2021, 2022, 2023]) {
      const r = await s.admin(`{ designatedTeachers(year: ${year}, level: NATIONAL, kind: SUBJECT_LEADER, first: 100) { totalCount nodes { teacher { id } designations { year } } } }`);
      expect(r.errors).toBeUndefined();
      const expected = teachers.filter((_, i) => isValidInYear({ year: cases[i].year, validUntil: cases[i].validUntil }, year)).map((t) => t.id);
      expect(r.data.designatedTeachers.nodes.map((n: { teacher: { id: string } }) => n.teacher.id)).toEqual(expected);
      expect(r.data.designatedTeachers.totalCount).toBe(expected.length);
    }
    const first = (await s.admin('{ designatedTeachers(year: 2021, level: NATIONAL, first: 2) { pageInfo { hasNextPage endCursor } nodes { teacher { id } highest { kind } } } }')).data.designatedTeachers;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await s.admin(`{ designatedTeachers(year: 2021, level: NATIONAL, first: 2, after: "${first.pageInfo.endCursor}") { pageInfo { hasNextPage } nodes { teacher { id } } } }`)).data
      .designatedTeachers;
    expect([...first.nodes, ...second.nodes].map((n: { teacher: { id: string } }) => n.teacher.id)).toEqual([teachers[0].id, teachers[2].id, teachers[3].id]);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('scopes designatedTeachers: a SCHOOL_ADMIN to their school, a TEACHER to themself, an ANALYST to aggregates', async () => {
    await s.admin(UPSERT_DESIGNATIONS, { rows: [row(others[0].id, { year: 2020 })] });
    const q = (extra = '') => `{ designatedTeachers(year: 2024${extra}, first: 500) { nodes { teacher { id } } } }`;
    const all = (await s.admin(q())).data.designatedTeachers.nodes.map((n: { teacher: { id: string } }) => n.teacher.id);
    expect(all).toContain(others[0].id);
    const clerkB = s.as({ subject: 'clerk', role: 'SCHOOL_ADMIN', schoolId: SCHOOL_B });
    expect((await clerkB(q())).data.designatedTeachers.nodes).toEqual([{ teacher: { id: others[0].id } }]);
    expect((await clerkB(q(`, schoolId: "${SCHOOL_A}"`))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const teacher = s.as({ subject: 't', role: 'TEACHER', teacherId: ts[1].id });
    expect((await teacher(q())).data.designatedTeachers.nodes).toEqual([{ teacher: { id: ts[1].id } }]);
    const analyst = s.as({ subject: 'a', role: 'ANALYST' });
    expect((await analyst(q())).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const figures = await analyst(`query($r: [_Any!]!) { _entities(representations: $r) { ... on School { professionalDevelopment(year: 2024) { designatedTeachers newDesignations } } } }`, {
      r: [{ __typename: 'School', id: SCHOOL_B }],
    });
    expect(figures.data._entities[0].professionalDevelopment).toEqual({ designatedTeachers: 1, newDesignations: 0 });
  });
});
