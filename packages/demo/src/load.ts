import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hiresKind, KindSpec, quotasKind, rotationsKind, schoolsKind, SchoolFileOptions, teachersKind, writeKindXlsx } from '@tw/importer';
import { isIsoDate, Random } from '@tw/kernel';
import { DemoContext, DemoSchoolRecord, DemoTeacherRecord, ServiceDemo } from './context';
import { DEMO_SEED, generateDistrict } from './district';
import { DemoJob, DemoPrincipal, ImporterClient } from './importer-client';
import { SERVICE_DEMOS } from './services';
import { gatewayPoster, Post } from './post';
import { fileStyle, kindOfMutation, rosterStyle, sheetRow } from './sheets';

/** Where the demo district is loaded: the gateway, and tokens for the district and for a school. */
export interface DemoTarget {
  /** the gateway's /graphql URL; its origin serves /imports */
  readonly gatewayUrl: string;
  /** a bearer token for DISTRICT_ADMIN, or for a school's SCHOOL_ADMIN (undefined: the district uploads for the school) */
  token(as: DemoPrincipal): string | undefined;
}

/** What loading the demo district did. */
export interface DemoLoadResult {
  readonly schools: number;
  readonly teachers: number;
  /** files imported, and the rows they held */
  readonly files: number;
  readonly rows: number;
  readonly ms: number;
}

const TEACHER_FIELDS = 'id name idNumber gender birthDate politicalStatus professionalTitle postCategory teachingSubject status inQuota workStartMonth school { id }';

/** Every school and teacher personnel holds, a page of 1,000 at a time. */
async function readDistrict(post: Post): Promise<{ schools: DemoSchoolRecord[]; teachers: DemoTeacherRecord[] }> {
  const schools: DemoSchoolRecord[] = [];
  const teachers: DemoTeacherRecord[] = [];
  for (let after: string | null = null; ; ) {
    const d: any = await post('query($after: String) { schools(first: 1000, after: $after) { nodes { id code name type sponsor } pageInfo { hasNextPage endCursor } } }', { after });
    schools.push(...d.schools.nodes);
    if (!d.schools.pageInfo.hasNextPage) break;
    after = d.schools.pageInfo.endCursor;
  }
  for (let after: string | null = null; ; ) {
    const d: any = await post(`query($after: String) { teachers(first: 1000, after: $after) { nodes { ${TEACHER_FIELDS} } pageInfo { hasNextPage endCursor } } }`, { after });
    teachers.push(...d.teachers.nodes.map(({ school, ...t }: any) => ({ ...t, schoolId: school.id })));
    if (!d.teachers.pageInfo.hasNextPage) break;
    after = d.teachers.pageInfo.endCursor;
  }
  return { schools, teachers };
}

const DISTRICT: DemoPrincipal = { role: 'DISTRICT_ADMIN' };

/**
 * Loads the demo district the way a district's data arrives: as spreadsheets shaped like schools'
 * files (title rows, `code-label` values, dates as text…), written with the importer's writer into
 * a temporary folder and uploaded to the gateway's /imports, each job awaited and any job that does
 * not import every row failing the load. Personnel's files first (schools; a roster per school, one
 * uploaded by that school's own SCHOOL_ADMIN; quotas, hires, rotations), then the other services'
 * records (professional development, compensation, governance), each service's demo module
 * producing rows that become sheet rows with ID numbers and names instead of ids.
 *
 * `target` may be a poster made by gatewayPoster (DISTRICT_ADMIN): the district then uploads every
 * roster itself, naming the school.
 * `today` (YYYY-MM-DD, China) is the day the district is as of: npm start passes the real day (or
 * BUSINESS_DATE), tests TEST_DATE; the services must take the same day as today, or they refuse
 * records dated after theirs.
 * @example await loadDemoDistrict({ gatewayUrl, token: (as) => sign(as) }, TEST_DATE, console.log)
 */
export async function loadDemoDistrict(target: DemoTarget | Post, today: string, log: (s: string) => void = () => {}): Promise<DemoLoadResult> {
  if (!isIsoDate(today)) throw new Error(`loadDemoDistrict: today must be a day written YYYY-MM-DD, not "${today}"`);
  const started = Date.now();
  const t = demoTarget(target);
  const post = gatewayPoster(t.gatewayUrl, t.token(DISTRICT)!);
  const importer = new ImporterClient(new URL(t.gatewayUrl).origin, (as) => t.token(as) ?? t.token(DISTRICT)!);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-demo-'));
  const year = Number(today.slice(0, 4));
  let files = 0;
  let rows = 0;
  const summary = (label: string, jobs: readonly DemoJob[]) => {
    files += jobs.length;
    const read = jobs.reduce((s, j) => s + j.rowsRead, 0);
    rows += read;
    const created = jobs.reduce((s, j) => s + j.rowsCreated, 0);
    const submitted = jobs.reduce((s, j) => s + (j.rowsSubmitted ?? 0), 0);
    log(`  ${label}: ${read} rows in ${jobs.length} file${jobs.length > 1 ? 's' : ''}, ${created} created${submitted ? `, ${submitted} submitted and approved` : ''}`);
  };
  /** Writes rows as a file of the kind and imports it as the district. */
  const importRows = async (kind: KindSpec, name: string, sheetRows: Iterable<object>, style: SchoolFileOptions): Promise<DemoJob> => {
    const file = path.join(dir, `${String(files + 1).padStart(2, '0')}-${name}.xlsx`);
    await writeKindXlsx(kind, sheetRows, file, style);
    return importer.wait(await importer.upload(kind.kind, file, DISTRICT));
  };

  try {
    const d = generateDistrict(DEMO_SEED, today);
    summary('schools', [await importRows(schoolsKind, 'schools', d.schools, fileStyle(schoolsKind, year))]);
    const schoolIds = new Map<string, string>();
    for (const s of (await readDistrict(post)).schools) schoolIds.set(s.code, s.id);

    // each school's roster, as the school keeps it: no school column, the upload names the school;
    // the first school's is uploaded by that school's own administrator
    const uploads = [];
    for (const [i, school] of d.schools.entries()) {
      const file = path.join(dir, `roster-${school.code}.xlsx`);
      await writeKindXlsx(teachersKind, d.teachers.filter((x) => x.schoolCode === school.code), file, rosterStyle(school, i, year));
      const schoolAdmin: DemoPrincipal = { role: 'SCHOOL_ADMIN', schoolId: schoolIds.get(school.code)! };
      const own = i === 0 && t.token(schoolAdmin) !== undefined;
      uploads.push(own ? await importer.upload('teachers', file, schoolAdmin) : await importer.upload('teachers', file, DISTRICT, school.code));
    }
    const rosters: DemoJob[] = [];
    for (const u of uploads) rosters.push(await importer.wait(u));
    // the school's own roster waits for the bureau's review (报送 → 审核): the district approves it, as a bureau would
    for (const s of rosters.flatMap((r) => r.submissions ?? [])) {
      if (s.service !== 'personnel') throw new Error(`demo: a roster's rows went to a ${s.service} submission`);
      const approved = await post<{ approvePersonnelSubmission: { status: string; pendingRows: number } }>('mutation($id: ID!) { approvePersonnelSubmission(id: $id, note: "示范数据：学校报送的花名册") { status pendingRows } }', { id: s.id });
      if (approved.approvePersonnelSubmission.status !== 'APPROVED') throw new Error(`demo: the roster submission ${s.id} was not approved: ${JSON.stringify(approved)}`);
    }
    summary(`teachers (a roster per school${t.token({ role: 'SCHOOL_ADMIN', schoolId: schoolIds.get(d.schools[0].code)! }) ? `, ${d.schools[0].name}'s by its SCHOOL_ADMIN` : ''})`, rosters);

    const nameOf = new Map(d.schools.map((s) => [s.code, s.name]));
    summary('staffing quotas', [await importRows(quotasKind, 'quotas', d.quotas.map((q) => ({ ...q, schoolName: nameOf.get(q.schoolCode) })), fileStyle(quotasKind, year))]);
    summary('hires', [await importRows(hiresKind, 'hires', d.hires, fileStyle(hiresKind, year))]);
    summary('rotations', [await importRows(rotationsKind, 'rotations', d.rotations, fileStyle(rotationsKind, year))]);

    const district = await readDistrict(post);
    const teachers = new Map(district.teachers.map((x) => [x.id, x]));
    const schools = new Map(district.schools.map((x) => [x.id, x]));
    const ctx: DemoContext = {
      post,
      log,
      today,
      year,
      ...district,
      random: new Random(20261126),
      bulk: async (mutation, _inputType, inputs, label) => {
        if (!inputs.length) return 0;
        const kind = kindOfMutation(mutation);
        const job = await importRows(kind, kind.kind, inputs.map((x) => sheetRow(kind, x as Record<string, unknown>, teachers, schools)), fileStyle(kind, year));
        summary(label, [job]);
        return job.rowsCreated;
      },
    };
    for (const demo of SERVICE_DEMOS as readonly ServiceDemo[]) await demo(ctx);
    return { schools: d.schools.length, teachers: d.teachers.length, files, rows, ms: Date.now() - started };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function demoTarget(target: DemoTarget | Post): DemoTarget {
  if (typeof target !== 'function') return target;
  const { url, token } = target;
  if (!url || !token) throw new Error('loadDemoDistrict: pass { gatewayUrl, token } or a poster made by gatewayPoster (it carries the gateway URL and token)');
  return { gatewayUrl: url, token: (as) => (as.role === 'DISTRICT_ADMIN' ? token : undefined) };
}

/** Whether the district has no schools yet (then `npm start` loads the demo). */
export async function districtIsEmpty(post: Post): Promise<boolean> {
  const data = await post<{ schools: { totalCount: number } }>('{ schools(first: 1) { totalCount } }');
  return data.schools.totalCount === 0;
}
