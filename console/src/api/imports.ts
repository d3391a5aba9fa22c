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
