import fs from 'node:fs';
import path from 'node:path';

/** Who an upload is made as: the district, or one school's administrator. */
export type DemoPrincipal = { readonly role: 'DISTRICT_ADMIN' } | { readonly role: 'SCHOOL_ADMIN'; readonly schoolId: string };

/** An import job as GET /imports/:id answers it (the fields the demo reads). */
export interface DemoJob {
  readonly id: string;
  readonly kind: string;
  readonly status: string;
  readonly fileName: string;
  readonly rowsRead: number;
  readonly rowsCreated: number;
  readonly rowsUpdated: number;
  readonly rowsUnchanged: number;
  readonly rowsRejected: number;
  /** rows the review policy held (a school admin's roster), and the submissions they went to (issue 15) */
  readonly rowsSubmitted?: number;
  readonly submissions?: ReadonlyArray<{ readonly service: string; readonly kind: string; readonly id: string }>;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
  readonly errors?: ReadonlyArray<{ readonly message: string }>;
}

const FINISHED = new Set(['succeeded', 'failed', 'partially_succeeded']);

/**
 * The importer as the gateway's origin serves it: POST /imports, GET /imports/:id. Every upload is
 * a real import job; `wait` fails loudly unless the job succeeded with no row rejected.
 */
export class ImporterClient {
  constructor(
    private readonly origin: string,
    private readonly tokenFor: (as: DemoPrincipal) => string,
  ) {}

  /** Uploads a file for a kind; `school` names the school a roster without a school column is for. */
  async upload(kind: string, file: string, as: DemoPrincipal, school?: string): Promise<{ id: string; as: DemoPrincipal }> {
    const form = new FormData();
    form.set('kind', kind);
    if (school) form.set('school', school);
    form.set('file', new Blob([fs.readFileSync(file)]), path.basename(file));
    const res = await fetch(`${this.origin}/imports`, { method: 'POST', headers: { authorization: `Bearer ${this.tokenFor(as)}` }, body: form });
    const body = (await res.json()) as { id?: string; error?: { code: string; message: string } };
    if (res.status !== 202 || !body.id) throw new Error(`demo: uploading ${path.basename(file)} as ${kind} was refused (HTTP ${res.status}): ${body.error?.code ?? ''} ${body.error?.message ?? ''}`);
    return { id: body.id, as };
  }

  /** Polls a job to its end; throws unless every row was imported. */
  async wait(job: { id: string; as: DemoPrincipal }, timeoutMs = 600_000): Promise<DemoJob> {
    const deadline = Date.now() + timeoutMs;
    for (let delay = 50; ; delay = Math.min(250, delay * 2)) {
      const res = await fetch(`${this.origin}/imports/${job.id}?errors=3`, { headers: { authorization: `Bearer ${this.tokenFor(job.as)}` } });
      if (res.status !== 200) throw new Error(`demo: GET /imports/${job.id} answered HTTP ${res.status}: ${await res.text()}`);
      const j = (await res.json()) as DemoJob;
      if (FINISHED.has(j.status)) {
        if (j.status !== 'succeeded' || j.rowsRejected > 0) {
          const first = (j.errors ?? []).map((e) => e.message).join('; ');
          throw new Error(`demo: importing ${j.fileName} (${j.kind}) ${j.status}: ${j.errorCode ?? ''} ${j.errorMessage ?? ''} ${first}`.trim());
        }
        return j;
      }
      if (Date.now() > deadline) throw new Error(`demo: importing ${j.fileName} (${j.kind}) still ${j.status} after ${timeoutMs / 1000} s`);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}
