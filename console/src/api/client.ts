import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { ApiError, apiError } from './errors';
import { readSession } from './session';

/** Called when the API refuses the token (expired, or signed with another key): the app signs out. */
let onUnauthenticated: () => void = () => {};
export function whenUnauthenticated(f: () => void): void {
  onUnauthenticated = f;
}

/** The bearer header of the signed-in session (or of the token given). */
export function authHeaders(token = readSession()?.token): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

/**
 * Runs a typed document of codegen (console/src/api/*.graphql) through the gateway's /graphql with
 * the session's token: the data typed as the operation selects it, or an ApiError in Chinese.
 * @example const d = await request(TeacherSearchDocument, { first: 20, filter: { namePrefix: '王' } }); d.teachers.nodes
 */
export async function request<TResult, TVariables>(
  document: DocumentTypeDecoration<TResult, TVariables> & { toString(): string },
  variables: TVariables,
  options?: RequestOptions,
): Promise<TResult> {
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...authHeaders(options?.token) },
      body: JSON.stringify({ query: document.toString(), variables }),
      signal: options?.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError('无法连接服务器，请检查网络后重试', 'NETWORK', (e as Error).message);
  }
  const body = (await res.json().catch(() => undefined)) as { data?: TResult; errors?: Array<{ message: string; extensions?: { code?: unknown } }> } | undefined;
  const first = body?.errors?.[0];
  if (first || !body?.data) {
    const err = apiError(first, res.status);
    if (err.code === 'UNAUTHENTICATED' && !options?.token) onUnauthenticated();
    throw err;
  }
  return body.data;
}

export interface RequestOptions {
  readonly signal?: AbortSignal;
  /** another token than the session's (the development sign-in lists schools with a district token) */
  readonly token?: string;
}

/** Calls an HTTP route of the gateway (JSON in and out), errors as ApiError in Chinese. */
export async function httpJson<T>(path: string, init: RequestInit & { token?: string } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { accept: 'application/json', ...authHeaders(init.token), ...(init.headers as Record<string, string> | undefined) } });
  } catch (e) {
    throw new ApiError('无法连接服务器，请检查网络后重试', 'NETWORK', (e as Error).message);
  }
  const body = (await res.json().catch(() => undefined)) as (T & { error?: { code?: string; message?: string }; errors?: Array<{ message: string; extensions?: { code?: unknown } }> }) | undefined;
  if (!res.ok) throw apiError(body?.error ?? body?.errors?.[0], res.status);
  return body as T;
}

/** Downloads a file of the gateway that needs the bearer token (errors.xlsx, the report workbook) and saves it. */
export async function download(path: string, fallbackName: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(path, { headers: authHeaders() });
  } catch (e) {
    throw new ApiError('无法连接服务器，请检查网络后重试', 'NETWORK', (e as Error).message);
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => undefined)) as { error?: { code?: string; message?: string }; errors?: Array<{ message: string; extensions?: { code?: unknown } }> } | undefined;
    throw apiError(body?.error ?? body?.errors?.[0], res.status);
  }
  const blob = await res.blob();
  const name = fileNameOf(res.headers.get('content-disposition')) ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The file name of a Content-Disposition header, the RFC 5987 (UTF-8) form first. */
export function fileNameOf(header: string | null): string | undefined {
  if (!header) return undefined;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="([^"]+)"/i.exec(header);
  return plain?.[1];
}
