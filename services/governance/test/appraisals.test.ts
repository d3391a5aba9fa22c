import { testDatabaseKinds } from '@tw/kernel/testing';
import { GovernanceTestServer, outcomes, Row, SCHOOL_A, startGovernanceForTest, teacherEntities, teacherReps, UPSERT_APPRAISALS, UPSERT_ETHICS, UPSERT_VIOLATIONS } from './harness';

describe.each(testDatabaseKinds())('governance appraisals on %s', (kind) => {
  let s: GovernanceTestServer;
  beforeAll(async () => {
    s = await startGovernanceForTest(kind);
  });
  afterAll(() => s.stop());

  const bulk = async (mutation: string, rows: unknown[], options?: Record<string, boolean>) => {
    const r = await s.admin(mutation, { rows, options });
    expect(r.errors).toBeUndefined();
    return r.data.r as { created: number; updated: number; unchanged: number; rejected: number; written: boolean; rows: Row[] };
  };
  const appraisal = async (teacherId: string, year: number) => {
    const r = await s.admin(teacherEntities(`appraisal(year: ${year}) { result requestedResult forcedByEthics }`), { r: teacherReps([{ id: teacherId, schoolId: SCHOOL_A }]) });
    expect(r.errors).toBeUndefined();
    return r.data._entities[0].appraisal;
  };

  it('writes 不合格 for an appraisal of a year whose ethics result is 不合格, keeping what was submitted, and says so on the row', async () => {
    const t = s.addTeacher('a-1');
    await bulk(UPSERT_ETHICS, [{ teacherId: t, year: 2024, result: 'INCOMPETENT' }]);
    const r = await bulk(UPSERT_APPRAISALS, [
      { teacherId: t, year: 2024, result: 'COMPETENT', appraiser: '测试第一小学' },
      { teacherId: t, year: 2023, result: 'COMPETENT' },
    ]);
    expect(r).toMatchObject({ created: 2, written: true });
    expect(r.rows[0]).toMatchObject({ status: 'CREATED', code: 'FORCED_BY_ETHICS', message: '2024 年度师德考核不合格，年度考核结果按规定定为“不合格”（申报为“合格”）' });
    expect(r.rows[1]).toMatchObject({ status: 'CREATED', code: null, message: null });
    expect(await appraisal(t, 2024)).toEqual({ result: 'INCOMPETENT', requestedResult: 'COMPETENT', forcedByEthics: true });
    expect(await appraisal(t, 2023)).toEqual({ result: 'COMPETENT', requestedResult: null, forcedByEthics: false });

    const again = await bulk(UPSERT_APPRAISALS, [{ teacherId: t, year: 2024, result: 'COMPETENT', appraiser: '测试第一小学' }]);
    expect(again.rows[0]).toMatchObject({ status: 'UNCHANGED', code: 'FORCED_BY_ETHICS' });
  });

  it('changes an appraisal already recorded when a 不合格 ethics result is recorded after it (not on a dry run), audited', async () => {
    const t = s.addTeacher('a-2');
    expect((await bulk(UPSERT_APPRAISALS, [{ teacherId: t, year: 2023, result: 'EXCELLENT' }])).created).toBe(1);

    const dry = await s.admin(UPSERT_ETHICS, { rows: [{ teacherId: t, year: 2023, result: 'INCOMPETENT' }], options: { dryRun: true } });
    expect(dry.data.r.rows[0]).toMatchObject({ status: 'CREATED', code: 'APPRAISAL_FORCED' });
    expect(await appraisal(t, 2023)).toEqual({ result: 'EXCELLENT', requestedResult: null, forcedByEthics: false });

    const r = await bulk(UPSERT_ETHICS, [{ teacherId: t, year: 2023, result: 'INCOMPETENT' }]);
    expect(r.rows[0]).toMatchObject({ status: 'CREATED', code: 'APPRAISAL_FORCED', message: '2023 年度师德考核不合格：该年度年度考核结果已由“优秀”改为“不合格”' });
    expect(await appraisal(t, 2023)).toEqual({ result: 'INCOMPETENT', requestedResult: 'EXCELLENT', forcedByEthics: true });

    const log = await s.admin(`{ governanceAuditLog(filter: { teacherId: "${t}" }) { nodes { entity before after } } }`);
    const entries = log.data.governanceAuditLog.nodes.map((n: { entity: string; before: string | null; after: string }) => ({
      entity: n.entity,
      before: n.before && JSON.parse(n.before).result,
      after: JSON.parse(n.after).result,
    }));
    expect(entries).toEqual([
      { entity: 'appraisal', before: null, after: 'EXCELLENT' },
      { entity: 'ethics_assessment', before: null, after: 'INCOMPETENT' },
      { entity: 'appraisal', before: 'EXCELLENT', after: 'INCOMPETENT' },
    ]);

    // correcting the ethics result does not change the appraisal back: the row says to re-import it
    const corrected = await bulk(UPSERT_ETHICS, [{ teacherId: t, year: 2023, result: 'COMPETENT' }]);
    expect(corrected.rows[0]).toMatchObject({ status: 'UPDATED', code: 'APPRAISAL_STILL_FORCED' });
    expect(corrected.rows[0].message).toBe('2023 年度考核结果仍为“不合格”（因原师德考核不合格而定，申报结果为“优秀”）；如需更正，请重新导入该年度考核');
    expect((await appraisal(t, 2023)).result).toBe('INCOMPETENT');
    const reimported = await bulk(UPSERT_APPRAISALS, [{ teacherId: t, year: 2023, result: 'EXCELLENT' }]);
    expect(reimported.rows[0]).toMatchObject({ status: 'UPDATED', code: null });
    expect(await appraisal(t, 2023)).toEqual({ result: 'EXCELLENT', requestedResult: null, forcedByEthics: false });
  });

  it('refuses 优秀 for a teacher vetoed that year, with the reasons, and nothing else', async () => {
    const [warned, failed, clean] = [s.addTeacher('a-3'), s.addTeacher('a-4'), s.addTeacher('a-5')];
    await bulk(UPSERT_VIOLATIONS, [{ teacherId: warned, occurredOn: '2024-03-15', negativeListItem: '5', sanction: 'WARNING' }]);
    await bulk(UPSERT_ETHICS, [{ teacherId: failed, year: 2024, result: 'INCOMPETENT' }]);
    const rows = [
      { teacherId: warned, year: 2024, result: 'EXCELLENT' },
      { teacherId: warned, year: 2025, result: 'EXCELLENT' },
      { teacherId: failed, year: 2024, result: 'EXCELLENT' },
      { teacherId: clean, year: 2024, result: 'EXCELLENT' },
      { teacherId: clean, year: 1980, result: 'COMPETENT' },
    ];
    const refused = await bulk(UPSERT_APPRAISALS, rows);
    expect(outcomes(refused.rows)).toEqual(['VETOED', 'CREATED', 'VETOED', 'CREATED', 'BAD_YEAR']);
    expect(refused.written).toBe(false);
    expect(refused.rows[0].message).toBe('教师“教师a-3”2024 年度一票否决，年度考核不得评为优秀：2024-03-15 违反负面清单第 5 项“关心爱护学生”，受警告处分，影响期 2024-03-15 至 2024-09-14');
    expect(refused.rows[2].message).toBe('教师“教师a-4”2024 年度一票否决，年度考核不得评为优秀：2024 年度师德考核结论为“不合格”');
    expect(await appraisal(clean, 2024)).toBeNull();

    const partial = await bulk(UPSERT_APPRAISALS, rows, { partial: true });
    expect(partial).toMatchObject({ created: 2, rejected: 3, written: true });
    expect((await appraisal(clean, 2024)).result).toBe('EXCELLENT');
    const competent = await bulk(UPSERT_APPRAISALS, [{ teacherId: warned, year: 2024, result: 'COMPETENT' }]);
    expect(competent.rows[0]).toMatchObject({ status: 'CREATED', code: null });
  });
});
