import { Principal } from '@tw/kernel';
import type express from 'express';
import { canSeeJob, IMPORTING_ROLES } from '../access';
import { ImportJob } from '../entities/import-job.entity';
import { issuesOf, jobView } from '../graphql/job-view';
import { JobStore } from '../jobs/job-store';
import { kindSpec, KINDS } from '../kinds';
import { writeErrorReport } from '../report/error-report';
import { writeTemplate } from '../report/template';
import { receiveUpload, UploadError } from './upload';

export interface RouteDeps {
  readonly store: JobStore;
  readonly maxUploadBytes: number;
  /** tells the local worker a job was queued */
  readonly onQueued: () => void;
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
 * POST /imports, GET /imports/:id, GET /imports/:id/errors.xlsx, GET /templates (the kinds, with their
 * Chinese names), GET /templates/:kind.xlsx.
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
      });
      deps.onQueued();
      res.status(202).location(`/imports/${job.id}`).json(jobView(job));
    } catch (e) {
      await deps.store.deleteFile(jobId).catch(() => undefined);
      if (e instanceof UploadError) return fail(res, e.status, e.code, e.message, e.detail);
      throw e;
    }
  });

  const visibleJob = async (req: express.Request, res: express.Response): Promise<ImportJob | null> => {
    const p = signedIn(req, res, principalOf);
    if (!p) return null;
    const job = await deps.store.get(String(req.params.id));
    if (!job) {
      fail(res, 404, 'NOT_FOUND', `没有 id 为“${req.params.id}”的导入任务`);
      return null;
    }
    if (!canSeeJob(p, job)) {
      fail(res, 403, 'FORBIDDEN', '该导入任务属于其他学校');
      return null;
    }
    return job;
  };

  router.get('/imports/:id', async (req, res) => {
    const job = await visibleJob(req, res);
    if (!job) return;
    const limit = Math.min(1000, Math.max(0, Number(req.query.errors ?? 100) || 0));
    const errors = job.rowsRejected > 0 && limit > 0 ? issuesOf(await deps.store.errors(job.id, 0, limit)) : [];
    res.setHeader('cache-control', 'no-store');
    res.json({ ...jobView(job), errors });
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

  router.get('/templates/:file', async (req, res) => {
    const m = /^([a-z-]+)\.xlsx$/.exec(String(req.params.file));
    const spec = m ? kindSpec(m[1]) : undefined;
    if (!spec) return fail(res, 404, 'UNKNOWN_KIND', `没有这种模板：可用的模板为 ${KINDS.map((k) => `/templates/${k.kind}.xlsx`).join('、')}`);
    res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('content-disposition', contentDisposition(`${spec.title}导入模板.xlsx`));
    await writeTemplate(res, spec);
  });
}
