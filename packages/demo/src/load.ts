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

/** How far loading the demo district has come, each time a file is queued or imported. */
export interface DemoLoadProgress {
  /** files handed to the importer so far (more are queued as the files they wait for are imported) */
  readonly filesQueued: number;
  readonly filesImported: number;
  /** rows of the files imported */
  readonly rowsImported: number;
  /** since the load started */
  readonly ms: number;
  /** the file just imported, when one was */
  readonly imported?: { readonly kind: string; readonly fileName: string; readonly jobId: string; readonly rows: number };
}

/** How loadDemoDistrict loads. */
export interface DemoLoadOptions {
  /** lines for a person: each kind's files as they are imported, with the rows and the time */
  readonly log?: (line: string) => void;
  /**
   * Files uploaded and imported at once (default 4; 1 loads them one after another). A file whose
   * rows are checked against another's rows waits for that one whatever this is (see WAITS_FOR);
   * the importer itself runs as many jobs at once as its IMPORTER_CONCURRENCY lets it.
   */
  readonly concurrency?: number;
  /** called each time a file is queued or imported */
  readonly progress?: (p: DemoLoadProgress) => void;
}

/** Files imported at once when the caller does not say. */
export const DEMO_CONCURRENCY = 4;

/**
 * What a service's file waits for before it is imported, by mutation: the files whose rows its own
 * are checked against. A studio's host must hold a designation that qualifies for it; a lesson names
 * its studio; an inspection held is an item of that year's catalogue; and a violation or an
 * INCOMPETENT ethics result vetoes (一票否决) a teacher, whose new designations professional
 * development then refuses, so the designations go in first. Every other file of the services
 * needs only personnel's schools and teachers, which are in before any of them is queued.
 */
export const WAITS_FOR: Readonly<Record<string, readonly string[]>> = {
  upsertStudios: ['upsertDesignations'],
  upsertLessons: ['upsertStudios'],
  upsertViolations: ['upsertDesignations'],
  upsertEthicsAssessments: ['upsertDesignations'],
  upsertInspectionEvents: ['upsertInspectionItems'],
};

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

/** Runs at most `limit` tasks at once, the others waiting their turn in the order they came. */
function limiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    if (active >= limit) await new Promise<void>((r) => waiting.push(r));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

/**
 * Loads the demo district the way a district's data arrives: as spreadsheets shaped like schools'
 * files (title rows, `code-label` values, dates as text…), written with the importer's writer into
 * a temporary folder and uploaded to the gateway's /imports, each job awaited and any job that does
 * not import every row failing the load.
 *
 * Independent files are imported at once (`concurrency`, default 4), in waves where one file's rows
 * are checked against another's: the schools; then a roster per school (no school column, the upload
 * names the school; the first school's uploaded by that school's own SCHOOL_ADMIN, which waits for
 * review and is approved by the district) and the staffing quotas; then hires and rotations; then the other services' records (professional development,
 * compensation, governance), each service's demo module producing rows that become sheet rows with
 * ID numbers and names instead of ids, each file waiting only for the files WAITS_FOR names. What is
 * loaded does not depend on the concurrency: the modules generate their rows in the same order from
 * the same seed, and no file is checked against one that has not been imported.
 *
 * `target` may be a poster made by gatewayPoster (DISTRICT_ADMIN): the district then uploads every
 * roster itself, naming the school.
 * `today` (YYYY-MM-DD, China) is the day the district is as of: npm start passes the real day (or
 * BUSINESS_DATE), tests TEST_DATE; the services must take the same day as today, or they refuse
 * records dated after theirs.
 * `options` is a function for the log lines, or DemoLoadOptions.
 * @example await loadDemoDistrict({ gatewayUrl, token: (as) => sign(as) }, TEST_DATE, { log: console.log, concurrency: 4 })
 */
export async function loadDemoDistrict(target: DemoTarget | Post, today: string, options: DemoLoadOptions | ((line: string) => void) = {}): Promise<DemoLoadResult> {
  if (!isIsoDate(today)) throw new Error(`loadDemoDistrict: today must be a day written YYYY-MM-DD, not "${today}"`);
  const o: DemoLoadOptions = typeof options === 'function' ? { log: options } : options;
  const log = o.log ?? (() => {});
  const concurrency = o.concurrency ?? DEMO_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`loadDemoDistrict: concurrency must be a whole number of at least 1, not ${concurrency}`);
  const started = Date.now();
  const t = demoTarget(target);
  const post = gatewayPoster(t.gatewayUrl, t.token(DISTRICT)!);
  const importer = new ImporterClient(new URL(t.gatewayUrl).origin, (as) => t.token(as) ?? t.token(DISTRICT)!);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-demo-'));
  const year = Number(today.slice(0, 4));
  const slot = limiter(concurrency);
  let queued = 0;
  let imported = 0;
  let rows = 0;
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  const report = (done?: DemoJob) =>
    o.progress?.({
      filesQueued: queued,
      filesImported: imported,
      rowsImported: rows,
      ms: Date.now() - started,
      ...(done ? { imported: { kind: done.kind, fileName: done.fileName, jobId: done.id, rows: done.rowsRead } } : {}),
    });
  const summary = (label: string, jobs: readonly DemoJob[]) => {
    const read = jobs.reduce((s, j) => s + j.rowsRead, 0);
    const created = jobs.reduce((s, j) => s + j.rowsCreated, 0);
    const submitted = jobs.reduce((s, j) => s + (j.rowsSubmitted ?? 0), 0);
    log(`  ${label}: ${read} rows in ${jobs.length} file${jobs.length > 1 ? 's' : ''}, ${created} created${submitted ? `, ${submitted} submitted and approved` : ''} (${seconds()} s, ${imported} of ${queued} files so far)`);
  };
  /** Writes a file, uploads it and waits for its job, when a slot is free. */
  const importFile = (write: (file: string) => Promise<unknown>, name: string, kind: string, as: DemoPrincipal, school?: string): Promise<DemoJob> => {
    const file = path.join(dir, `${String(++queued).padStart(2, '0')}-${name}.xlsx`);
    report();
    return slot(async () => {
      await write(file);
      const job = await importer.wait(await importer.upload(kind, file, as, school));
      fs.rmSync(file, { force: true });
      imported++;
      rows += job.rowsRead;
      report(job);
      return job;
    });
  };
  /** Writes rows as a file of the kind and imports it as the district. */
  const importRows = (kind: KindSpec, name: string, sheetRows: Iterable<object>, style: SchoolFileOptions): Promise<DemoJob> =>
    importFile((file) => writeKindXlsx(kind, sheetRows, file, style), name, kind.kind, DISTRICT);
  // every file queued, so that one failing does not leave others running unwatched
  const pending: Array<Promise<unknown>> = [];
  const track = <T>(p: Promise<T>): Promise<T> => {
    pending.push(p.catch(() => undefined));
    return p;
  };

  try {
    const d = generateDistrict(DEMO_SEED, today);
    summary('schools', [await track(importRows(schoolsKind, 'schools', d.schools, fileStyle(schoolsKind, year)))]);
    const schoolIds = new Map<string, string>();
    for (const s of (await readDistrict(post)).schools) schoolIds.set(s.code, s.id);

    // each school's roster, as the school keeps it: no school column, the upload names the school;
    // the first school's is uploaded by that school's own administrator; the quotas need only the schools
    const firstAdmin: DemoPrincipal = { role: 'SCHOOL_ADMIN', schoolId: schoolIds.get(d.schools[0].code)! };
    const ownRoster = t.token(firstAdmin) !== undefined;
    const rosters = d.schools.map((school, i) => {
      const own = i === 0 && ownRoster;
      const write = (file: string) => writeKindXlsx(teachersKind, d.teachers.filter((x) => x.schoolCode === school.code), file, rosterStyle(school, i, year));
      return track(importFile(write, `roster-${school.code}`, 'teachers', own ? firstAdmin : DISTRICT, own ? undefined : school.code));
    });
    const nameOf = new Map(d.schools.map((s) => [s.code, s.name]));
    const quotas = track(importRows(quotasKind, 'quotas', d.quotas.map((q) => ({ ...q, schoolName: nameOf.get(q.schoolCode) })), fileStyle(quotasKind, year)));
    const rostered = await Promise.all(rosters);
    // the school's own roster waits for the bureau's review (报送 → 审核): the district approves it, as a bureau would
    for (const s of rostered.flatMap((r) => r.submissions ?? [])) {
      if (s.service !== 'personnel') throw new Error(`demo: a roster's rows went to a ${s.service} submission`);
      const approved = await post<{ approvePersonnelSubmission: { status: string; pendingRows: number } }>('mutation($id: ID!) { approvePersonnelSubmission(id: $id, note: "示范数据：学校报送的花名册") { status pendingRows } }', { id: s.id });
      if (approved.approvePersonnelSubmission.status !== 'APPROVED') throw new Error(`demo: the roster submission ${s.id} was not approved: ${JSON.stringify(approved)}`);
    }
    summary(`teachers (a roster per school${ownRoster ? `, ${d.schools[0].name}'s by its SCHOOL_ADMIN` : ''})`, rostered);

    // hires and rotations name teachers by ID number
    const hires = track(importRows(hiresKind, 'hires', d.hires, fileStyle(hiresKind, year)));
    const rotations = track(importRows(rotationsKind, 'rotations', d.rotations, fileStyle(rotationsKind, year)));
    summary('staffing quotas', [await quotas]);
    summary('hires', [await hires]);
    summary('rotations', [await rotations]);

    // the teachers in the order the rosters list them, school by school, whatever order the imports
    // ran in: the modules draw random numbers teacher by teacher, so the order decides what they write
    const read = await readDistrict(post);
    const rosterOrder = new Map(d.schools.flatMap((s) => d.teachers.filter((x) => x.schoolCode === s.code)).map((x, i) => [x.idNumber, i]));
    const schoolOrder = new Map(d.schools.map((s, i) => [s.code, i]));
    const rank = (order: ReadonlyMap<string, number>, key: string) => order.get(key) ?? Number.MAX_SAFE_INTEGER;
    const district = {
      schools: [...read.schools].sort((a, b) => rank(schoolOrder, a.code) - rank(schoolOrder, b.code)),
      teachers: [...read.teachers].sort((a, b) => rank(rosterOrder, a.idNumber) - rank(rosterOrder, b.idNumber)),
    };
    const teachers = new Map(district.teachers.map((x) => [x.id, x]));
    const schools = new Map(district.schools.map((x) => [x.id, x]));
    // each service file's job by mutation, for the files that wait for it
    const jobs = new Map<string, Promise<DemoJob | undefined>>();
    const ctx: DemoContext = {
      post,
      log,
      today,
      year,
      ...district,
      random: new Random(20261126),
      // queues the file and returns: the modules go on generating (in the same order, from the same
      // random numbers) while it is imported; every file is awaited below
      bulk: async (mutation, _inputType, inputs, label) => {
        if (!inputs.length) {
          jobs.set(mutation, Promise.resolve(undefined));
          return 0;
        }
        const kind = kindOfMutation(mutation);
        const sheetRows = inputs.map((x) => sheetRow(kind, x as Record<string, unknown>, teachers, schools));
        const before = (WAITS_FOR[mutation] ?? []).map((m) => {
          const job = jobs.get(m);
          if (!job) throw new Error(`demo: ${mutation} waits for ${m}, which no demo module has written before it`);
          return job;
        });
        const job = track(
          Promise.all(before).then(async () => {
            const done = await importRows(kind, kind.kind, sheetRows, fileStyle(kind, year));
            summary(label, [done]);
            return done;
          }),
        );
        jobs.set(mutation, job);
        return inputs.length;
      },
    };
    for (const demo of SERVICE_DEMOS as readonly ServiceDemo[]) await demo(ctx);
    await Promise.all(jobs.values());
    return { schools: d.schools.length, teachers: d.teachers.length, files: imported, rows, ms: Date.now() - started };
  } finally {
    // nothing of a failed load keeps running, or writing into the folder, once this returns
    await Promise.all(pending);
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
