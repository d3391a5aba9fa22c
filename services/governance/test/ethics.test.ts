import { NEGATIVE_LIST_ITEM } from '@tw/kernel';
import { testDatabaseKinds } from '@tw/kernel/testing';
import { GovernanceTestServer, outcomes, Row, SCHOOL_A, SCHOOL_B, startGovernanceForTest, UPSERT_APPRAISALS, UPSERT_AWARDS, UPSERT_ETHICS, UPSERT_VIOLATIONS } from './harness';

const ELIGIBILITY = 'query($ids: [ID!]!, $y: Int!) { eligibility(teacherIds: $ids, year: $y) { teacherId year vetoed purposes { purpose eligible reasons } } }';

describe.each(testDatabaseKinds())('governance ethics, violations and the veto on %s', (kind) => {
  let s: GovernanceTestServer;
  beforeAll(async () => {
    s = await startGovernanceForTest(kind);
  });
  afterAll(() => s.stop());

  const bulk = async (mutation: string, rows: unknown[], options?: Record<string, boolean>) => {
    const r = await s.admin(mutation, { rows, options });
    expect(r.errors).toBeUndefined();
    return r.data.r as { created: number; updated: number; unchanged: number; rejected: number; written: boolean; dryRun: boolean; rows: Row[] };
  };
  const vetoedIn = async (ids: string[], year: number): Promise<boolean[]> => {
    const r = await s.admin(ELIGIBILITY, { ids, y: year });
    expect(r.errors).toBeUndefined();
    return r.data.eligibility.map((e: { vetoed: boolean }) => e.vetoed);
  };

  it('seeds the negative list with the ten items of the code of conduct, in order', async () => {
    const r = await s.admin('{ negativeListItems { code title description active retiredOn } }');
    expect(r.errors).toBeUndefined();
    expect(r.data.negativeListItems.map((i: { code: string; title: string }) => [i.code, i.title])).toEqual(NEGATIVE_LIST_ITEM.entries.map((e) => [e.code, e.label]));
    expect(r.data.negativeListItems[4].description).toContain('体罚');
    expect(r.data.negativeListItems[9].description).toContain('有偿补课');
    expect(r.data.negativeListItems.every((i: { active: boolean }) => i.active)).toBe(true);
  });

  it('lets DISTRICT_ADMIN extend and retire the list; a retired item names no violation dated from its retirement', async () => {
    const t = s.addTeacher('nl-1');
    const add = await s.admin('mutation { addNegativeListItem(input: { title: "禁止违规收受礼品礼金", description: "不得以任何名义收受礼品礼金" }) { code title active } }');
    expect(add.data.addNegativeListItem).toEqual({ code: '11', title: '禁止违规收受礼品礼金', active: true });
    const again = await s.admin('mutation { addNegativeListItem(input: { title: " 禁止违规收受礼品礼金 " }) { code } }');
    expect(again.errors?.[0]).toMatchObject({ message: '负面清单已有第 11 项“禁止违规收受礼品礼金”', extensions: { code: 'BAD_USER_INPUT' } });
    const clerk = s.as({ subject: 'clerk', role: 'SCHOOL_ADMIN', schoolId: 'school-a' });
    expect((await clerk('mutation { addNegativeListItem(input: { title: "x" }) { code } }')).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const retired = await s.admin('mutation { retireNegativeListItem(code: "11", retiredOn: "2025-01-01") { code retiredOn active } }');
    expect(retired.data.retireNegativeListItem).toEqual({ code: '11', retiredOn: '2025-01-01', active: false });
    expect((await s.admin('{ negativeListItems { code } }')).data.negativeListItems).toHaveLength(10);
    expect((await s.admin('{ negativeListItems(includeRetired: true) { code } }')).data.negativeListItems).toHaveLength(11);

    const r = await bulk(
      UPSERT_VIOLATIONS,
      [
        { teacherId: t, occurredOn: '2024-12-31', negativeListItem: '11' },
        { teacherId: t, occurredOn: '2025-01-01', negativeListItem: '禁止违规收受礼品礼金', sanction: 'WARNING' },
      ],
      { partial: true },
    );
    expect(outcomes(r.rows)).toEqual(['CREATED', 'NEGATIVE_LIST_ITEM_RETIRED']);
    expect(r.rows[1].message).toBe('负面清单第 11 项“禁止违规收受礼品礼金”已于 2025-01-01 停用，不能用于 2025-01-01 的违规');

    const back = await s.admin('mutation { reinstateNegativeListItem(code: "11") { retiredOn active } }');
    expect(back.data.reinstateNegativeListItem).toEqual({ retiredOn: null, active: true });
  });

  it('checks violation rows rule by rule, writes nothing when one is rejected, nothing on a dry run, the valid ones with partial', async () => {
    const [a, b] = [s.addTeacher('v-1'), s.addTeacher('v-2')];
    const rows = [
      { teacherId: a, occurredOn: '2024-03-15', negativeListItem: '5', sanction: 'WARNING', description: '体罚学生' },
      { teacherId: 'nobody', occurredOn: '2024-03-15', negativeListItem: '5', sanction: 'WARNING' },
      { teacherId: a, occurredOn: '2024-04-01', negativeListItem: '12', sanction: 'WARNING' },
      { teacherId: a, occurredOn: '2024-05-01', negativeListItem: '5-坚守廉洁自律', sanction: 'WARNING' },
      { teacherId: a, occurredOn: '2024-06-01', negativeListItem: '关心爱护学生', revokedOn: '2024-07-01' },
      { teacherId: a, occurredOn: '2024-06-02', negativeListItem: '9', sanction: 'DEMERIT', revokedOn: '2024-06-01' },
      { teacherId: a, occurredOn: '2099-01-01', negativeListItem: '9', sanction: 'DEMERIT' },
      { teacherId: b, occurredOn: '2024-08-01', negativeListItem: '９－坚守廉洁自律', sanction: 'DEMERIT', revokedOn: '2024-10-01' },
      { teacherId: a, occurredOn: '2024-03-15', negativeListItem: '4', sanction: 'DEMERIT' },
    ];
    const expected = [
      'CREATED',
      'TEACHER_NOT_FOUND',
      'NEGATIVE_LIST_ITEM_NOT_FOUND',
      'NEGATIVE_LIST_ITEM_MISMATCH',
      'REVOCATION_WITHOUT_SANCTION',
      'REVOKED_BEFORE_SANCTION',
      'DATE_IN_FUTURE',
      'CREATED',
      'DUPLICATE_KEY',
    ];
    const all = await bulk(UPSERT_VIOLATIONS, rows);
    expect(outcomes(all.rows)).toEqual(expected);
    expect(all).toMatchObject({ written: false, rejected: 7 });
    expect(all.rows[1].message).toBe('教师 id“nobody” 不在本账号可维护的教师名册中：该教师尚未登记，或不由本账号管理（调入他校教师须由区教育局办理）；请核对证件号，或先导入教师基本信息');
    expect(all.rows[2].message).toBe('负面清单中没有第 12 项：请填写清单中的事项编号或名称（如“5”“关心爱护学生”），或写明违规行为（如“违规有偿补课”）');
    expect(all.rows[3].message).toBe('负面清单第 5 项是“关心爱护学生”，与“坚守廉洁自律”不一致');
    const stored = async () => {
      const r = await s.admin(`{ a: violations(filter: { teacherId: "${a}" }) { totalCount } b: violations(filter: { teacherId: "${b}" }) { totalCount } }`);
      return r.data.a.totalCount + r.data.b.totalCount;
    };
    expect(await stored()).toBe(0);

    const dry = await bulk(UPSERT_VIOLATIONS, [rows[0], rows[7]], { dryRun: true });
    expect(dry).toMatchObject({ created: 2, dryRun: true, written: false });
    expect(await stored()).toBe(0);

    const partial = await bulk(UPSERT_VIOLATIONS, rows, { partial: true });
    expect(outcomes(partial.rows)).toEqual(expected);
    expect(partial).toMatchObject({ created: 2, written: true });
    expect(await stored()).toBe(2);

    const list = await s.admin(`{ violations(filter: { teacherId: "${b}" }) { nodes { occurredOn sanction revokedOn negativeListItem { code title } period { from through scheduledThrough revokedOn } } } }`);
    expect(list.data.violations.nodes).toEqual([
      {
        occurredOn: '2024-08-01',
        sanction: 'DEMERIT',
        revokedOn: '2024-10-01',
        negativeListItem: { code: '9', title: '坚守廉洁自律' },
        period: { from: '2024-08-01', through: '2024-09-30', scheduledThrough: '2025-07-31', revokedOn: '2024-10-01' },
      },
    ]);

    const same = await bulk(UPSERT_VIOLATIONS, [rows[0]]);
    expect(same).toMatchObject({ unchanged: 1, written: false });
    const revoked = await bulk(UPSERT_VIOLATIONS, [{ ...rows[0], revokedOn: '2024-04-01' }]);
    expect(revoked).toMatchObject({ updated: 1, written: true });
  });

  it('reads a reason written in words as the item it names, keeps the words, and keeps words that name no item unclassified for the bureau to settle', async () => {
    const [a, b, c, d] = ['w-1', 'w-2', 'w-3', 'w-4'].map((id) => s.addTeacher(id));
    const rows = [
      { teacherId: a, occurredOn: '2024-03-01', negativeListItem: '违规有偿补课', sanction: 'WARNING' },
      { teacherId: b, occurredOn: '2024-03-02', negativeListItem: '体罚学生', sanction: 'DEMERIT' },
      { teacherId: c, occurredOn: '2024-03-03', negativeListItem: '上课期间玩手机', sanction: 'WARNING' },
      { teacherId: d, occurredOn: '2024-03-04', negativeListItem: '体罚学生并收受家长礼品', sanction: 'WARNING' },
      { teacherId: a, occurredOn: '2024-03-05', negativeListItem: '5-体罚学生' },
    ];
    const r = await bulk(UPSERT_VIOLATIONS, rows);
    expect(r).toMatchObject({ created: 5, rejected: 0, written: true });
    expect(r.rows.map((x) => [x.status, x.code, x.message])).toEqual([
      ['CREATED', 'NEGATIVE_LIST_ITEM_CLASSIFIED', '处分原因“违规有偿补课”按关键词“有偿补课”归为负面清单第 10 项“规范从教行为”（原文保留）'],
      ['CREATED', 'NEGATIVE_LIST_ITEM_CLASSIFIED', '处分原因“体罚学生”按关键词“体罚”归为负面清单第 5 项“关心爱护学生”（原文保留）'],
      ['CREATED', 'NEGATIVE_LIST_ITEM_UNCLASSIFIED', '处分原因“上课期间玩手机”不是负面清单事项，也没有可识别的关键词：记为“未归类”，待教育局确定事项；处分照常计入一票否决'],
      [
        'CREATED',
        'NEGATIVE_LIST_ITEM_UNCLASSIFIED',
        '处分原因“体罚学生并收受家长礼品”同时涉及 第 9 项“坚守廉洁自律”（关键词“收受家长”）、第 5 项“关心爱护学生”（关键词“体罚”），无法确定是哪一项：记为“未归类”，待教育局确定事项；处分照常计入一票否决',
      ],
      ['CREATED', 'NEGATIVE_LIST_ITEM_CLASSIFIED', '处分原因“体罚学生”按关键词“体罚”归为负面清单第 5 项“关心爱护学生”（原文保留）'],
    ]);
    const list = async (filter: string) =>
      (await s.admin(`{ violations(first: 50, filter: { ${filter} }) { nodes { id occurredOn reasonText classification negativeListItem { code } } } }`)).data.violations.nodes as Array<{
        id: string;
        occurredOn: string;
        reasonText: string;
        classification: string;
        negativeListItem: { code: string } | null;
      }>;
    expect((await list(`teacherId: "${a}"`)).map((v) => [v.reasonText, v.classification, v.negativeListItem?.code])).toEqual([
      ['违规有偿补课', 'KEYWORD', '10'],
      ['5-体罚学生', 'KEYWORD', '5'],
    ]);
    const unsettled = await list('classification: [UNCLASSIFIED]');
    expect(unsettled.map((v) => [v.reasonText, v.negativeListItem])).toEqual([
      ['上课期间玩手机', null],
      ['体罚学生并收受家长礼品', null],
    ]);
    // an unclassified sanction still vetoes its year
    expect(await vetoedIn([c, d], 2024)).toEqual([true, true]);

    const settle = 'mutation($id: ID!, $item: String!) { settleViolationItem(violationId: $id, negativeListItem: $item) { reasonText classification negativeListItem { code title } } }';
    const refused = await s.admin(settle, { id: unsettled[0].id, item: '玩手机' });
    expect(refused.errors?.[0]).toMatchObject({ message: '请填写负面清单事项的编号或名称（如“10”或“规范从教行为”），而不是“玩手机”', extensions: { code: 'BAD_USER_INPUT' } });
    const byTeacher = await s.as({ subject: 'sa', role: 'SCHOOL_ADMIN', schoolId: 'school-a' })(settle, { id: unsettled[0].id, item: '4' });
    expect(byTeacher.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const settled = await s.admin(settle, { id: unsettled[0].id, item: '4' });
    expect(settled.data.settleViolationItem).toEqual({ reasonText: '上课期间玩手机', classification: 'SETTLED', negativeListItem: { code: '4', title: '潜心教书育人' } });
    expect((await list('classification: [UNCLASSIFIED]')).map((v) => v.reasonText)).toEqual(['体罚学生并收受家长礼品']);
    const audit = await s.admin(`{ governanceAuditLog(first: 100, filter: { teacherId: "${c}" }) { nodes { actorSubject after } } }`);
    expect(JSON.parse(audit.data.governanceAuditLog.nodes.at(-1).after)).toMatchObject({ reasonText: '上课期间玩手机', classification: 'SETTLED', negativeListItem: { code: '4' } });

    // the school sends the same file again: the bureau's item stays; other words are read afresh
    const again = await bulk(UPSERT_VIOLATIONS, rows);
    expect(again).toMatchObject({ unchanged: 5, written: false });
    expect(again.rows[2].code).toBeNull();
    const changed = await bulk(UPSERT_VIOLATIONS, [{ ...rows[2], negativeListItem: '收受礼品' }]);
    expect(changed.rows[0]).toMatchObject({ status: 'UPDATED', code: 'NEGATIVE_LIST_ITEM_CLASSIFIED' });
  });

  it('answers per school and year which kinds it holds, in one statement a kind whatever the number of schools, with the unclassified sanctions', async () => {
    const q = 'query($s: [ID!]!) { governanceCoverage(year: 2024, schoolIds: $s) { schoolId kind records issues { code count } } }';
    const one = await s.admin(q, { s: [SCHOOL_A] });
    const two = await s.admin(q, { s: [SCHOOL_A, SCHOOL_B] });
    expect(one.extensions?.sqlStatements).toBe(5);
    expect(two.extensions?.sqlStatements).toBe(5);
    const a = two.data.governanceCoverage.filter((c: { schoolId: string }) => c.schoolId === SCHOOL_A);
    expect(a.find((c: { kind: string }) => c.kind === 'violations').issues).toEqual([{ code: 'UNCLASSIFIED_SANCTIONS', count: 1 }]);
    expect(two.data.governanceCoverage.filter((c: { schoolId: string; records: number }) => c.schoolId === SCHOOL_B && c.records > 0)).toEqual([]);
    const clerk = await s.as({ subject: 'sa', role: 'SCHOOL_ADMIN', schoolId: SCHOOL_B })(q, { s: [SCHOOL_A] });
    expect(clerk.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('answers eligibility in the order asked, vetoing exactly the years each period touches', async () => {
    const ids = ['warn', 'warn2', 'demerit', 'demotion', 'removal', 'expel', 'revoked', 'nosanction', 'ethics', 'clean'].map((id) => s.addTeacher(`e-${id}`));
    const [warn, warn2, demerit, demotion, removal, expel, revoked, nosanction, ethics] = ids;
    const v = await bulk(UPSERT_VIOLATIONS, [
      { teacherId: warn, occurredOn: '2024-07-02', negativeListItem: '5', sanction: 'WARNING' },
      { teacherId: warn2, occurredOn: '2024-07-01', negativeListItem: '5', sanction: 'WARNING' },
      { teacherId: demerit, occurredOn: '2023-01-02', negativeListItem: '10', sanction: 'DEMERIT' },
      { teacherId: demotion, occurredOn: '2022-11-20', negativeListItem: '8', sanction: 'DEMOTION' },
      { teacherId: removal, occurredOn: '2022-01-01', negativeListItem: '7', sanction: 'REMOVAL' },
      { teacherId: expel, occurredOn: '2020-01-10', negativeListItem: '7', sanction: 'EXPULSION' },
      { teacherId: revoked, occurredOn: '2023-11-01', negativeListItem: '9', sanction: 'DEMERIT', revokedOn: '2024-01-01' },
      { teacherId: nosanction, occurredOn: '2024-05-05', negativeListItem: '4' },
    ]);
    expect(v.rejected).toBe(0);
    expect((await bulk(UPSERT_ETHICS, [{ teacherId: ethics, year: 2024, result: 'INCOMPETENT' }])).created).toBe(1);

    expect(await vetoedIn(ids, 2024)).toEqual([true, true, true, true, false, true, false, false, true, false]);
    expect(await vetoedIn(ids, 2025)).toEqual([true, false, false, false, false, true, false, false, false, false]);
    expect(await vetoedIn(ids, 2023)).toEqual([false, false, true, true, true, true, true, false, false, false]);
    expect(await vetoedIn([expel], 2019)).toEqual([false]);

    const r = await s.admin(ELIGIBILITY, { ids: [ids[9], warn, ids[9]], y: 2025 });
    expect(r.data.eligibility.map((e: { teacherId: string }) => e.teacherId)).toEqual([ids[9], warn, ids[9]]);
    expect(r.data.eligibility[1].purposes).toEqual(
      ['EXCELLENT_APPRAISAL', 'AWARD', 'DESIGNATION', 'TITLE_PROMOTION'].map((purpose) => ({
        purpose,
        eligible: false,
        reasons: ['一票否决：2024-07-02 违反负面清单第 5 项“关心爱护学生”，受警告处分，影响期 2024-07-02 至 2025-01-01'],
      })),
    );
    const e = await s.admin(ELIGIBILITY, { ids: [ethics], y: 2024 });
    expect(e.data.eligibility[0].purposes[0].reasons).toEqual(['一票否决：2024 年度师德考核结论为“不合格”']);

    const tooMany = await s.admin(ELIGIBILITY, { ids: Array.from({ length: 1001 }, (_, i) => `x${i}`), y: 2024 });
    expect(tooMany.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: 'eligibility takes at most 1,000 teacher ids a call; got 1001' });
  });

  it('refuses an award for a teacher vetoed in the year of its date, with the reason, and takes one in a clear year', async () => {
    const [warn2, expel, revoked] = ['e-warn2', 'e-expel', 'e-revoked'];
    const rows = [
      { teacherId: warn2, title: '区优秀教师', level: 'COUNTY', awardedOn: '2024-01-05', issuer: '中原区教育局' },
      { teacherId: warn2, title: '区优秀教师', level: 'COUNTY', awardedOn: '2025-01-01', issuer: '中原区教育局' },
      { teacherId: expel, title: '市优秀教师', level: 'MUNICIPAL', awardedOn: '2026-01-05' },
      { teacherId: expel, title: '市优秀教师', level: 'MUNICIPAL', awardedOn: '2019-12-01' },
      { teacherId: revoked, title: '优秀班主任', level: 'GRASSROOTS', awardedOn: '2024-03-01' },
      { teacherId: revoked, title: '  ', level: 'GRASSROOTS', awardedOn: '2024-03-02' },
      { teacherId: revoked, title: '优秀班主任', level: 'GRASSROOTS', awardedOn: '2099-03-01' },
    ];
    const r = await bulk(UPSERT_AWARDS, rows, { partial: true });
    expect(outcomes(r.rows)).toEqual(['VETOED', 'CREATED', 'VETOED', 'CREATED', 'CREATED', 'REQUIRED', 'DATE_IN_FUTURE']);
    expect(r.rows[0].message).toBe(
      '教师“教师e-warn2”2024 年度一票否决，不得授予荣誉“区优秀教师”：2024-07-01 违反负面清单第 5 项“关心爱护学生”，受警告处分，影响期 2024-07-01 至 2024-12-31',
    );
    expect(r.rows[2].message).toContain('受开除处分，影响期自 2020-01-10 起，永久');

    const again = await bulk(UPSERT_AWARDS, [rows[1], { ...rows[3], level: 'PROVINCIAL' }]);
    expect(outcomes(again.rows)).toEqual(['UNCHANGED', 'UPDATED']);
  });

  (kind === 'mysql' ? it : it.skip)('waits for a violation being written in another transaction before deciding an award (locking reads)', async () => {
    const t = s.addTeacher('lock-1');
    const [item] = await s.ds.query("SELECT id FROM negative_list_item WHERE code = '5'");
    const other = s.ds.createQueryRunner();
    await other.connect();
    await other.startTransaction();
    try {
      await other.query(
        'INSERT INTO violation (id, teacher_id, school_id, occurred_on, negative_list_item_id, sanction, revoked_on, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, NOW(), NOW())',
        ['lock-violation', t, 'school-a', '2024-02-01', item.id, 'WARNING'],
      );
      let settled = false;
      const award = s.admin(UPSERT_AWARDS, { rows: [{ teacherId: t, title: '区优秀教师', level: 'COUNTY', awardedOn: '2024-09-10' }] }).finally(() => (settled = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      // the award's plan is blocked on the uncommitted violation, not reading around it
      expect(settled).toBe(false);
      await other.commitTransaction();
      const r = await award;
      expect(r.data.r.rows[0]).toMatchObject({ status: 'REJECTED', code: 'VETOED' });
    } finally {
      if (other.isTransactionActive) await other.rollbackTransaction();
      await other.release();
    }
  });

  it('writes a sanction that covers an award or 优秀 appraisal already recorded, and says to review them', async () => {
    const t = s.addTeacher('c-1');
    expect((await bulk(UPSERT_AWARDS, [{ teacherId: t, title: '优秀班主任', level: 'GRASSROOTS', awardedOn: '2025-05-01' }])).created).toBe(1);
    expect((await bulk(UPSERT_APPRAISALS, [{ teacherId: t, year: 2025, result: 'EXCELLENT' }])).created).toBe(1);
    const r = await bulk(UPSERT_VIOLATIONS, [{ teacherId: t, occurredOn: '2025-06-01', negativeListItem: '9', sanction: 'WARNING' }]);
    expect(r).toMatchObject({ created: 1, written: true });
    expect(r.rows[0]).toMatchObject({
      status: 'CREATED',
      code: 'VETO_CONFLICT',
      message: '请核查：该处分影响期涉及的年度内，教师“教师c-1”已有2025 年度考核“优秀”、荣誉“优秀班主任”（2025-05-01），按一票否决规定不应评定',
    });
    expect(await vetoedIn([t], 2025)).toEqual([true]);
  });
});
