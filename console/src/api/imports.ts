import { authHeaders, httpJson } from './client';
import { apiError, ApiError } from './errors';

/** A kind of file the importer loads, with its Chinese name (GET /templates, from the importer's kind specs). */
export interface ImportKind {
  readonly kind: string;
  readonly title: string;
  readonly service: string;
  readonly roles: readonly string[];
  readonly nationalSubset: string | null;
  /** the template's path on the gateway */
  readonly template: string;
}

export function importKinds(): Promise<ImportKind[]> {
  return httpJson<{ kinds: ImportKind[] }>('/templates').then((r) => r.kinds);
}

export interface UploadRequest {
  readonly kind: string;
  readonly file: File;
  readonly dryRun: boolean;
  readonly partial?: boolean;
  /** 学校标识码 or name, for a file whose rows name no school (a district upload of one school's roster) */
  readonly school?: string;
  /** 0–100 while the file is sent */
  onProgress?(percent: number): void;
}

/**
 * Uploads a file to POST /imports and resolves with the queued job's id. XMLHttpRequest rather than
 * fetch: only it reports the upload's progress.
 */
export function uploadImport(r: UploadRequest): Promise<{ id: string }> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.set('kind', r.kind);
    if (r.school) form.set('school', r.school);
    if (r.dryRun) form.set('dryRun', 'true');
    if (r.partial) form.set('partial', 'true');
    form.set('file', r.file, r.file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/imports');
    for (const [k, v] of Object.entries(authHeaders())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) r.onProgress?.(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError('无法连接服务器，请检查网络后重试', 'NETWORK'));
    xhr.onload = () => {
      let body: { id?: string; error?: { code?: string; message?: string } } | undefined;
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body?.id) resolve({ id: body.id });
      else reject(apiError(body?.error, xhr.status));
    };
    xhr.send(form);
  });
}

/** A problem of a previewed cell or row, as the import would report it. */
export interface PreviewProblem {
  readonly code: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

/** One column of the file as the importer understood it (POST /imports/preview). */
export interface PreviewColumn {
  readonly index: number;
  readonly letter: string;
  readonly title: string;
  readonly field: string | null;
  readonly fieldHeader: string | null;
  readonly reason: string;
  readonly matched: string | null;
}

/** What the importer understood of a file, nothing written: the sheet, its header, each column's field and why, the first rows. */
export interface ImportPreview {
  readonly kind: string;
  readonly title: string;
  readonly fileName: string;
  readonly school: { readonly id: string; readonly code?: string; readonly name?: string } | null;
  readonly sheet: string;
  readonly headerRow: number;
  readonly headerRows: number;
  readonly rowsExpected: number | null;
  readonly ms: number;
  readonly columns: readonly PreviewColumn[];
  readonly ignored: readonly PreviewColumn[];
  readonly absent: ReadonlyArray<{ readonly field: string; readonly header: string; readonly requirement: string }>;
  readonly rows: ReadonlyArray<{
    readonly number: number;
    readonly cells: ReadonlyArray<{ readonly index: number; readonly value: string | null; readonly problems: readonly PreviewProblem[] }>;
    readonly problems: readonly PreviewProblem[];
  }>;
}

/** POST /imports/preview: what an import of the file would read, its first 20 rows, writing nothing. */
export async function previewImport(r: { readonly kind: string; readonly file: File; readonly school?: string }): Promise<ImportPreview> {
  const form = new FormData();
  form.set('kind', r.kind);
  if (r.school) form.set('school', r.school);
  form.set('file', r.file, r.file.name);
  let res: Response;
  try {
    res = await fetch('/imports/preview', { method: 'POST', headers: authHeaders(), body: form });
  } catch {
    throw new ApiError('无法连接服务器，请检查网络后重试', 'NETWORK');
  }
  const body = (await res.json().catch(() => undefined)) as (ImportPreview & { error?: { code?: string; message?: string } }) | undefined;
  if (!res.ok || !body || body.error) throw apiError(body?.error, res.status);
  return body;
}
