import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isIsoDate, Principal } from '@tw/kernel';
import type express from 'express';
import { FileError } from '../file-error';
import { FileLimits } from '../guard/limits';
import { GatewayCallError, GraphQLCaller } from '../jobs/gateway-caller';
import { loadMappings } from '../mappings/mapping-store';
import { undoImportJob } from '../jobs/undo-job';
import { previewFile } from '../preview/preview';
import { allSchools, findSchool, SchoolRecord } from '../validate/references';
import { nationalWorkbook, schoolRecords } from '../national/national-export';
import { ZipWriter } from '../national/zip-writer';
import { canSeeJob, IMPORTING_ROLES } from '../access';
import { ImportJob } from '../entities/import-job.entity';
import { ImportIssueSeverity } from '../graphql/import-job.type';
import { issuesOf, jobView } from '../graphql/job-view';
import { JobStore } from '../jobs/job-store';
import { kindSpec, KINDS } from '../kinds';
import { writeErrorReport } from '../report/error-report';
import { writeTemplate } from '../report/template';
import { fileSink, receiveUpload, receiveUploadTo, UploadError } from './upload';

export interface RouteDeps {
  readonly store: JobStore;
  readonly maxUploadBytes: number;
  /** tells the local worker a job was queued */
  readonly onQueued: () => void;
  /** the file checks a preview applies (as a job does) */
  readonly limits: FileLimits;
  /** the gateway, acting for the user of a request (a preview looks up the school it names) */
  readonly gatewayFor: (p: Principal) => GraphQLCaller;
  /** where a preview's upload is kept while it is read */
  readonly tempDir?: string;
}

type PrincipalOf = (req: express.Request) => Principal | null;

const fail = (res: express.Response, status: number, code: string, message: string, detail?: string) =>
  res.status(status).json({ error: { code, message, ...(detail ? { detail } : {}) } });
const flag = (v: string | undefined) => /^(1|true|yes|on|是)$/i.test((v ?? '').trim());

/** The signed-in principal, or an answer saying why not (401). */
function signedIn(req: express.Request, res: express.Response, principalOf: PrincipalOf): Principal | null {
  try {
    const p = principalOf(req);
    if (!p) fail(res, 401, 'UNAUTHENTICATED', '请先登录：请求中没有有效的 Bearer 令牌');
    return p;
  } catch (e) {
    fail(res, 401, 'UNAUTHENTICATED', (e as Error).message);
    return null;
  }
}

const contentDisposition = (name: string) => `attachment; filename="${name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/**
 * The importer's HTTP routes, mounted behind the gateway secret and reached through the gateway:
 * POST /imports, POST /imports/preview, GET /imports/:id, GET /imports/:id/errors.xlsx, GET /templates (the
 * kinds, with their Chinese names), GET /templates/:kind.xlsx, GET /exports/national/:year/:school.xlsx,
 * GET /exports/national/:year.zip.
 */
export function mountImportRoutes(router: express.Router, principalOf: PrincipalOf, deps: RouteDeps): void {
  router.post('/imports', async (req, res) => {
    const p = signedIn(req, res, principalOf);
    if (!p) return;
    if (!(IMPORTING_ROLES as readonly string[]).includes(p.role)) return fail(res, 403, 'FORBIDDEN', `导入需要 DISTRICT_ADMIN 或 SCHOOL_ADMIN 角色；当前令牌为 ${p.role}`);
    const jobId = deps.store.newJobId();
    try {
      const upload = await receiveUpload(req, deps.store, jobId, deps.maxUploadBytes);
      const kind = (upload.fields.kind ?? '').trim();
      const spec = kindSpec(kind);
      if (!spec) {
        await deps.store.deleteFile(jobId);
        return fail(res, 400, 'UNKNOWN_KIND', `未知的导入类型“${kind}”：可用的类型为 ${KINDS.map((k) => k.kind).join('、')}`);
      }
      if (!spec.roles.includes(p.role)) {
        await deps.store.deleteFile(jobId);
        return fail(res, 403, 'FORBIDDEN', `“${spec.title}”只能由 ${spec.roles.join('、')} 导入；当前令牌为 ${p.role}`);
      }
      const school = (upload.fields.school ?? '').trim() || null;
      const asOf = (upload.fields.asOf ?? '').trim() || null;
      if (asOf !== null && !isIsoDate(asOf)) {
        await deps.store.deleteFile(jobId);
        return fail(res, 400, 'BAD_AS_OF', `生效日期 asOf“${asOf.slice(0, 40)}”无效：应为 YYYY-MM-DD 格式的日期，如 2024-09-01`);
      }
      const job = await deps.store.create({
        id: jobId,
        kind,
        fileName: upload.fileName.slice(0, 255),
        fileSize: upload.size,
        fileFormat: upload.format,
        fileSha256: upload.sha256,
        subject: p.subject.slice(0, 200),
        role: p.role,
        principalSchoolId: p.schoolId ?? null,
        school: school?.slice(0, 100) ?? null,
        dryRun: flag(upload.fields.dryRun),
        partial: flag(upload.fields.partial),
        asOf,
      });
      deps.onQueued();
      res.status(202).location(`/imports/${job.id}`).json(jobView(job));
    } catch (e) {
      await deps.store.deleteFile(jobId).catch(() => undefined);
      if (e instanceof UploadError) return fail(res, e.status, e.code, e.message, e.detail);
      throw e;
    }
  });

  router.post('/imports/preview', async (req, res) => {
    const p = signedIn(req, res, principalOf);
    if (!p) return;
    if (!(IMPORTING_ROLES as readonly string[]).includes(p.role)) return fail(res, 403, 'FORBIDDEN', `预览导入需要 DISTRICT_ADMIN 或 SCHOOL_ADMIN 角色；当前令牌为 ${p.role}`);
    const file = path.join(deps.tempDir ?? os.tmpdir(), `tw-preview-${randomUUID()}`);
    const started = Date.now();
    try {
      const upload = await receiveUploadTo(req, fileSink(file), deps.maxUploadBytes);
      const kind = (upload.fields.kind ?? '').trim();
      const spec = kindSpec(kind);
      if (!spec) return fail(res, 400, 'UNKNOWN_KIND', `未知的导入类型“${kind}”：可用的类型为 ${KINDS.map((k) => k.kind).join('、')}`);
      if (!spec.roles.includes(p.role)) return fail(res, 403, 'FORBIDDEN', `“${spec.title}”只能由 ${spec.roles.join('、')} 导入；当前令牌为 ${p.role}`);
      const given = (upload.fields.school ?? '').trim();
      let school: SchoolRecord | undefined;
      if (given) {
        school = await findSchool(deps.gatewayFor(p), given);
        if (!school) return fail(res, 422, 'SCHOOL_NOT_FOUND', `上传时指明的学校“${given}”不存在：请填写学校标识码或与系统中完全一致的学校全称`);
        if (p.role === 'SCHOOL_ADMIN' && school.id !== p.schoolId) return fail(res, 403, 'SCHOOL_FORBIDDEN', `学校管理员只能预览本校的文件，不能指明“${school.name}”`);
      }
      const schoolId = school?.id ?? (p.role === 'SCHOOL_ADMIN' ? p.schoolId : undefined);
      const mappings = await loadMappings(deps.store.ds, schoolId, spec.kind);
      const preview = await previewFile(file, spec, { fileName: upload.fileName, limits: deps.limits, schoolGiven: !!schoolId && !!spec.school, mappings });
      res.setHeader('cache-control', 'no-store');
      res.json({ kind: spec.kind, title: spec.title, fileName: upload.fileName, school: school ?? (schoolId ? { id: schoolId } : null), ...preview, ms: Date.now() - started });
    } catch (e) {
      if (e instanceof UploadError) return fail(res, e.status, e.code, e.message, e.detail);
      if (e instanceof FileError) return fail(res, 422, e.code, e.message);
      if (e instanceof GatewayCallError) return fail(res, 502, e.code, e.message);
      throw e;
    } finally {
      await fs.promises.rm(file, { force: true });
    }
  });

  const visibleJob = async (req: express.Request, res: express.Response): Promise<ImportJob | null> => {
    const p = signedIn(req, res, principalOf);
    if (!p) return null;
    const job = await deps.store.get(String(req.params.id));
    // another school's job answers as no job at all
    if (!job || !canSeeJob(p, job)) {
      fail(res, 404, 'NOT_FOUND', `没有 id 为“${req.params.id}”的导入任务（或不由本账号查看）`);
      return null;
    }
    return job;
  };

  router.get('/imports/:id', async (req, res) => {
    const job = await visibleJob(req, res);
    if (!job) return;
    const limit = Math.min(1000, Math.max(0, Number(req.query.errors ?? 100) || 0));
    const warningLimit = Math.min(1000, Math.max(0, Number(req.query.warnings ?? limit) || 0));
    const errors = job.rowsRejected > 0 && limit > 0 ? issuesOf(await deps.store.errors(job.id, 0, limit), ImportIssueSeverity.ERROR) : [];
    const warnings = job.rowsWarned > 0 && warningLimit > 0 ? issuesOf(await deps.store.errors(job.id, 0, warningLimit, true), ImportIssueSeverity.WARNING) : [];
    res.setHeader('cache-control', 'no-store');
    res.json({ ...jobView(job), errors, warnings });
  });

  // undo of a job (DISTRICT_ADMIN): ?dryRun=1 lists what would change, ?skipConflicts=1 leaves rows changed since as they are
  router.post('/imports/:id/undo', async (req, res) => {
    const job = await visibleJob(req, res);
    if (!job) return;
    const p = principalOf(req)!;
    if (p.role !== 'DISTRICT_ADMIN') return fail(res, 403, 'FORBIDDEN', `撤销导入需要 DISTRICT_ADMIN 角色；当前令牌为 ${p.role}`);
    const on = (v: unknown) => v === '1' || v === 'true';
    try {
      const r = await undoImportJob(deps.gatewayFor(p), job.id, { dryRun: on(req.query.dryRun), skipConflicts: on(req.query.skipConflicts) });
      res.setHeader('cache-control', 'no-store');
      res.status(r.refused ? 409 : 200).json({ jobId: job.id, dryRun: on(req.query.dryRun), ...r });
    } catch (e) {
      if (e instanceof GatewayCallError) return fail(res, 502, e.code, e.message);
      throw e;
    }
  });

  router.get('/imports/:id/errors.xlsx', async (req, res) => {
    const job = await visibleJob(req, res);
    if (!job) return;
    const base = job.fileName.replace(/\.(xlsx|csv|txt)$/i, '');
    res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('content-disposition', contentDisposition(`${base}.errors.xlsx`));
    res.setHeader('cache-control', 'no-store');
    await writeErrorReport(res, job, deps.store);
  });

  // what can be imported, named as the templates name it: the console's choice of kind reads it
  router.get('/templates', (_req, res) => {
    res.setHeader('cache-control', 'no-cache');
    res.json({
      kinds: KINDS.map((k) => ({ kind: k.kind, title: k.title, service: k.service, roles: k.roles, nationalSubset: k.nationalSubset ?? null, template: `/templates/${k.kind}.xlsx` })),
    });
  });

  router.get('/exports/national/:year/:file', async (req, res) => {
    const p = signedIn(req, res, principalOf);
    if (!p) return;
    const year = Number(req.params.year);
    const m = /^(.{1,100})\.xlsx$/.exec(String(req.params.file));
    if (!Number.isInteger(year) || year < 1990 || year > 2100 || !m) return fail(res, 404, 'NOT_FOUND', '导出地址应为 /exports/national/<年度>/<学校标识码>.xlsx，如 /exports/national/2025/4101020001.xlsx');
    if (!(IMPORTING_ROLES as readonly string[]).includes(p.role)) return fail(res, 403, 'FORBIDDEN', `导出需要 DISTRICT_ADMIN 或 SCHOOL_ADMIN 角色；当前令牌为 ${p.role}`);
    const gateway = deps.gatewayFor(p);
    try {
      const school = await findSchool(gateway, decodeURIComponent(m[1]));
      if (!school) return fail(res, 404, 'SCHOOL_NOT_FOUND', `没有学校“${m[1]}”：请填写学校标识码或与系统中完全一致的学校全称`);
      if (p.role === 'SCHOOL_ADMIN' && school.id !== p.schoolId) return fail(res, 403, 'FORBIDDEN', '学校管理员只能导出本校的数据');
      const book = await nationalWorkbook(school, year, await schoolRecords(gateway, school.id, year));
      res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      res.setHeader('content-disposition', contentDisposition(`${school.code}-${school.name}-${year}-全国教师管理信息系统.xlsx`));
      res.setHeader('cache-control', 'no-store');
      res.end(book);
    } catch (e) {
      if (e instanceof GatewayCallError) return fail(res, e.code === 'FORBIDDEN' ? 403 : 502, e.code, e.message);
      throw e;
    }
  });

  router.get('/exports/national/:file', async (req, res) => {
    const p = signedIn(req, res, principalOf);
    if (!p) return;
    const m = /^(\d{4})\.zip$/.exec(String(req.params.file));
    if (!m) return fail(res, 404, 'NOT_FOUND', '全区导出地址应为 /exports/national/<年度>.zip，如 /exports/national/2025.zip');
    if (p.role !== 'DISTRICT_ADMIN') return fail(res, 403, 'FORBIDDEN', `全区导出需要 DISTRICT_ADMIN 角色；学校管理员请用 /exports/national/${m[1]}/<学校标识码>.xlsx`);
    const year = Number(m[1]);
    const gateway = deps.gatewayFor(p);
    let schools: SchoolRecord[];
    try {
      schools = await allSchools(gateway);
    } catch (e) {
      if (e instanceof GatewayCallError) return fail(res, 502, e.code, e.message);
      throw e;
    }
    res.setHeader('content-type', 'application/zip');
    res.setHeader('content-disposition', contentDisposition(`全区-${year}-全国教师管理信息系统.zip`));
    res.setHeader('cache-control', 'no-store');
    // one school at a time: a district's workbooks are never all in memory
    const zip = new ZipWriter(res);
    for (const school of schools) {
      const book = await nationalWorkbook(school, year, await schoolRecords(gateway, school.id, year));
      await zip.add(`${school.code}-${school.name.replace(/[\\/:*?"<>|]/g, '_')}.xlsx`, book);
    }
    await zip.end();
  });

  router.get('/templates/:file', async (req, res) => {
    const m = /^([a-z-]+)\.xlsx$/.exec(String(req.params.file));
    const spec = m ? kindSpec(m[1]) : undefined;
    if (!spec) return fail(res, 404, 'UNKNOWN_KIND', `没有这种模板：可用的模板为 ${KINDS.map((k) => `/templates/${k.kind}.xlsx`).join('、')}`);
    res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('content-disposition', contentDisposition(`${spec.title}导入模板.xlsx`));
    await writeTemplate(res, spec);
  });
}
