import { addDays, signDelegatedToken, systemClock, todayInChina } from '@tw/kernel';
import { graphqlClient, testDatabaseKinds, tokenFor } from '@tw/kernel/testing';
import { GovernanceTestServer, SCHOOL_A, startGovernanceForTest, UPSERT_AWARDS, UPSERT_ETHICS, UPSERT_VIOLATIONS } from './harness';

const LOG = `query($filter: AuditFilter, $first: Int, $after: String) {
  governanceAuditLog(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id recordedAt actorSubject actorRole actingService requestId entity entityId key teacherId before after }
  }
}`;

describe.each(testDatabaseKinds())('the governance audit log on %s', (kind) => {
  let s: GovernanceTestServer;
  let t: string;
  let u: string;
  beforeAll(async () => {
    s = await startGovernanceForTest(kind);
    t = s.addTeacher('au-1');
    u = s.addTeacher('au-2');
  });
  afterAll(() => s.stop());

  const log = async (filter: Record<string, unknown> = {}, first = 100, after?: string) => {
    const r = await s.admin(LOG, { filter, first, after });
    expect(r.errors).toBeUndefined();
    return r.data.governanceAuditLog;
  };

  it('records every write of ethics, violation and award data with who, when, what, before and after — and nothing for unchanged, rejected or dry-run rows', async () => {
    const clerk = s.as({ subject: 'clerk-a', role: 'SCHOOL_ADMIN', schoolId: SCHOOL_A });
    // a school admin's ethics result waits for the bureau (issue 15): the write is the approval's, recorded as the approver's
    const sent = (await clerk(UPSERT_ETHICS, { rows: [{ teacherId: t, year: 2024, result: 'COMPETENT' }] })).data.r;
    expect(sent).toMatchObject({ created: 0, submitted: 1, written: false });
    expect((await log({ teacherId: t })).nodes).toHaveLength(0);
    const approved = await s.admin('mutation($id: ID!) { approveGovernanceSubmission(id: $id) { status } }', { id: sent.submission.id });
    expect(approved.data.approveGovernanceSubmission.status).toBe('APPROVED');
    await s.admin(UPSERT_ETHICS, { rows: [{ teacherId: t, year: 2024, result: 'EXCELLENT' }] });
    await s.admin(UPSERT_ETHICS, { rows: [{ teacherId: t, year: 2024, result: 'EXCELLENT' }] });
    await s.admin(UPSERT_ETHICS, { rows: [{ teacherId: t, year: 2023, result: 'EXCELLENT' }], options: { dryRun: true } });
    const rejected = await s.admin(UPSERT_ETHICS, { rows: [{ teacherId: t, year: 2022, result: 'COMPETENT' }, { teacherId: 'nobody', year: 2022, result: 'COMPETENT' }] });
    expect(rejected.data.r.written).toBe(false);

    const entries = (await log({ teacherId: t })).nodes;
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ actorSubject: 'district-admin', actorRole: 'DISTRICT_ADMIN', actingService: null, entity: 'ethics_assessment', teacherId: t, key: JSON.stringify([t, 2024]), before: null });
    expect(JSON.parse(entries[0].after)).toEqual({ teacherId: t, schoolId: SCHOOL_A, year: 2024, result: 'COMPETENT' });
    expect(entries[1]).toMatchObject({ actorSubject: 'district-admin', actorRole: 'DISTRICT_ADMIN', entityId: entries[0].entityId });
    expect(JSON.parse(entries[1].before).result).toBe('COMPETENT');
    expect(JSON.parse(entries[1].after).result).toBe('EXCELLENT');
    expect(new Date(entries[0].recordedAt).getTime()).toBeGreaterThan(systemClock.now().getTime() - 60_000);
    // each write names its own request (the server gives one an id when the caller sent none)
    expect(entries.map((e: { requestId: string | null }) => e.requestId)).toEqual([expect.stringMatching(/^[\w-]{8,}$/), expect.stringMatching(/^[\w-]{8,}$/)]);
    expect(entries[0].requestId).not.toBe(entries[1].requestId);
  });

  it('names the service that acted for the user (an import job)', async () => {
    const token = signDelegatedToken('importer', s.keys.gatewaySecret, { subject: 'clerk-b', role: 'DISTRICT_ADMIN' });
    const job = graphqlClient(s.url, { token, gatewaySecret: s.keys.gatewaySecret, headers: { 'x-request-id': 'import-job-7.batch-1' } });
    const r = await job(UPSERT_VIOLATIONS, { rows: [{ teacherId: u, occurredOn: '2024-05-06', negativeListItem: '10', sanction: 'WARNING', description: '有偿补课' }] });
    expect(r.data.r.created).toBe(1);
    await job(UPSERT_AWARDS, { rows: [{ teacherId: u, title: '优秀教师', level: 'COUNTY', awardedOn: '2023-09-10' }] });
    const entries = (await log({ teacherId: u })).nodes;
    expect(entries.map((e: { entity: string }) => e.entity)).toEqual(['violation', 'award']);
    // the request that wrote, as the logs name it: the gateway passes its id on to the subgraph
    expect(entries[0]).toMatchObject({ actorSubject: 'clerk-b', actorRole: 'DISTRICT_ADMIN', actingService: 'service:importer', requestId: 'import-job-7.batch-1' });
    expect(JSON.parse(entries[0].after)).toEqual({
      teacherId: u,
      schoolId: SCHOOL_A,
      occurredOn: '2024-05-06',
      negativeListItem: { code: '10', title: '规范从教行为' },
      reasonText: '10',
      classification: 'LISTED',
      sanction: 'WARNING',
      revokedOn: null,
      description: '有偿补课',
    });
  });

  it('is queryable a page at a time, by entity, teacher and date', async () => {
    const all = await log();
    expect(all.totalCount).toBe(4);
    expect((await log({ entity: 'ethics_assessment' })).totalCount).toBe(2);
    expect((await log({ entity: 'award', teacherId: u })).totalCount).toBe(1);
    // the audit says when a write really happened: the system clock's day, not the service's
    const today = todayInChina(systemClock);
    expect((await log({ fromDay: today, toDay: today })).totalCount).toBe(4);
    expect((await log({ toDay: addDays(today, -1) })).totalCount).toBe(0);
    expect((await log({ fromDay: addDays(today, 1) })).totalCount).toBe(0);
    const first = await log({}, 3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await log({}, 3, first.pageInfo.endCursor);
    expect([...first.nodes, ...rest.nodes].map((e: { id: string }) => e.id)).toEqual(all.nodes.map((e: { id: string }) => e.id));
  });

  it('is for DISTRICT_ADMIN only', async () => {
    for (const p of [
      { subject: 'clerk', role: 'SCHOOL_ADMIN' as const, schoolId: SCHOOL_A },
      { subject: 't', role: 'TEACHER' as const, teacherId: t },
      { subject: 'a', role: 'ANALYST' as const },
      { subject: 'service:professional-development', role: 'SERVICE' as const },
    ]) {
      const r = await s.as(p)(LOG, {});
      expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(r.data).toBeNull();
    }
    const anonymous = await graphqlClient(s.url, { gatewaySecret: s.keys.gatewaySecret })(LOG, {});
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    // a DISTRICT_ADMIN token of another system is not one of ours
    const forged = await graphqlClient(s.url, { token: tokenFor({ ...s.keys, user: { kind: 'HS256', secret: 'another-secret-another-secret-another!' } }, { subject: 'x', role: 'DISTRICT_ADMIN' }), gatewaySecret: s.keys.gatewaySecret })(LOG, {});
    expect(forged.status).toBe(401);
  });

  it('cannot be changed: no mutation touches it, and the database refuses UPDATE and DELETE', async () => {
    const mutations = (await s.admin('{ __schema { mutationType { fields { name } } } }')).data.__schema.mutationType.fields.map((f: { name: string }) => f.name);
    expect(mutations.sort()).toEqual(
      [
        'addNegativeListItem',
        // the kernel's frozen yearly figures (audited like every write: they append, never change an entry)
        'freezeGovernanceFigures',
        'governanceUndoImport',
        'unfreezeGovernanceFigures',
        'reinstateNegativeListItem',
        'retireNegativeListItem',
        'settleViolationItem',
        'upsertAppraisals',
        'upsertAwards',
        'upsertEthicsAssessments',
        'upsertInspectionEvents',
        'upsertInspectionItems',
        'upsertPrincipalRanks',
        'upsertSchoolReforms',
        'upsertViolations',
        // the kernel's review of school submissions (the rows it writes go through the upserts above)
        'approveGovernanceSubmission',
        'returnGovernanceSubmission',
        'withdrawGovernanceSubmission',
      ].sort(),
    );
    await expect(s.ds.query("UPDATE audit_log SET actor_subject = 'someone-else'")).rejects.toThrow(/append-only/);
    await expect(s.ds.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    const after = await log();
    expect(after.totalCount).toBe(4);
    expect(after.nodes.map((e: { actorSubject: string }) => e.actorSubject)).toEqual(['district-admin', 'district-admin', 'clerk-b', 'clerk-b']);
  });

  it('records the negative list’s edits, with their request, through the same log', async () => {
    const admin = graphqlClient(s.url, { token: tokenFor(s.keys, { subject: 'district-admin', role: 'DISTRICT_ADMIN' }), gatewaySecret: s.keys.gatewaySecret, headers: { 'x-request-id': 'edit-list-1' } });
    const added = await admin('mutation { addNegativeListItem(input: { title: "禁止参与有偿家教" }) { id code } }');
    expect(added.errors).toBeUndefined();
    await admin(`mutation { retireNegativeListItem(code: "${added.data.addNegativeListItem.code}", retiredOn: "2024-01-01") { code } }`);
    const entries = (await log({ entity: 'negative_list_item', entityId: added.data.addNegativeListItem.id })).nodes;
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ actorSubject: 'district-admin', requestId: 'edit-list-1', teacherId: null, before: null, key: added.data.addNegativeListItem.code });
    expect(JSON.parse(entries[1].before).retiredOn).toBeNull();
    expect(JSON.parse(entries[1].after).retiredOn).toBe('2024-01-01');
  });
});
