import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { bearerToken, requestRefusals, Role, TokenKeys, verifyToken } from '@tw/kernel';
import express from 'express';
import { parse, print } from 'graphql';

/** Where `npm run codegen` writes the manifest of the documents the console and the codegen know. */
export const TRUSTED_DOCUMENTS_FILE = path.resolve(__dirname, '../../schema/trusted-documents.json');

/** One trusted document, in Apollo's persisted-query manifest format (what Apollo Router and Hive read too). */
export interface ManifestOperation {
  /** sha256 (hex) of `body`, exactly as clients send it */
  readonly id: string;
  readonly name: string;
  readonly type: 'query' | 'mutation' | 'subscription';
  readonly body: string;
}

export interface TrustedDocumentManifest {
  readonly format: 'apollo-persisted-query-manifest';
  readonly version: 1;
  readonly operations: readonly ManifestOperation[];
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A document's form for comparison: parsed and printed, so whitespace and comments do not count. */
export function canonicalDocument(text: string): string {
  return print(parse(text, { noLocation: true }));
}

export function readTrustedDocuments(file = TRUSTED_DOCUMENTS_FILE): TrustedDocumentManifest {
  let manifest: TrustedDocumentManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as TrustedDocumentManifest;
  } catch (e) {
    throw new Error(`The trusted documents manifest ${file} cannot be read (${(e as Error).message}): run "npm run codegen"`);
  }
  if (manifest.format !== 'apollo-persisted-query-manifest' || !Array.isArray(manifest.operations)) {
    throw new Error(`${file} is not a persisted-query manifest (format apollo-persisted-query-manifest, version 1)`);
  }
  return manifest;
}

export interface TrustedDocumentsOptions {
  readonly manifest: TrustedDocumentManifest;
  /** roles that may send any document (the IDE's users, analysts): their token is verified here */
  readonly anyDocumentRoles?: readonly Role[];
  /**
   * the keys tokens are verified with: the platform's own services (service tokens, the importer
   * acting for its user) send documents built in code and are let through, as are `anyDocumentRoles`
   */
  readonly keys: TokenKeys;
}

interface GraphQLParams {
  query?: unknown;
  extensions?: unknown;
}

function refuse(res: express.Response, code: string, message: string): void {
  requestRefusals.inc({ service: 'gateway', code });
  res.status(400).json({ errors: [{ message, extensions: { code } }] });
}

function persistedHash(extensions: unknown): string | undefined {
  let ext = extensions;
  if (typeof ext === 'string') {
    try {
      ext = JSON.parse(ext);
    } catch {
      return undefined;
    }
  }
  const hash = (ext as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery?.sha256Hash;
  return typeof hash === 'string' ? hash.toLowerCase() : undefined;
}

/**
 * Trusted documents (a production setting): the gateway runs only documents in the manifest built
 * from the console's and the codegen's operations. A client sends either the hash alone
 * (`extensions.persistedQuery.sha256Hash`, as automatic persisted queries do) or a whole document
 * whose text, or whose canonical print, is in the manifest. Anything else is refused with
 * `PERSISTED_QUERY_NOT_FOUND` (an unknown hash) or `PERSISTED_QUERY_NOT_TRUSTED` (an unknown
 * document), before it is parsed or planned. Roles in `anyDocumentRoles` (the IDE, analysts) may
 * send any document, and so do the platform's own services (their tokens are signed with the
 * gateway's secret).
 * @example app.use('/graphql', express.json(), trustedDocuments({ manifest: readTrustedDocuments(), anyDocumentRoles: ['ANALYST'], keys }))
 */
export function trustedDocuments(o: TrustedDocumentsOptions): express.RequestHandler {
  const byId = new Map(o.manifest.operations.map((op) => [op.id, op.body]));
  const canonical = new Set(o.manifest.operations.map((op) => sha256(canonicalDocument(op.body))));
  // the verdicts on documents that were not in the manifest as sent, by their hash (bounded)
  const seen = new Map<string, boolean>();
  const anyDocument = new Set(o.anyDocumentRoles ?? []);

  const trusted = (query: string): boolean => {
    const id = sha256(query);
    if (byId.has(id)) return true;
    let verdict = seen.get(id);
    if (verdict === undefined) {
      try {
        verdict = canonical.has(sha256(canonicalDocument(query)));
      } catch {
        verdict = false;
      }
      if (seen.size >= 10_000) seen.clear();
      seen.set(id, verdict);
    }
    return verdict;
  };

  const mayAskAnything = (req: express.Request): boolean => {
    const token = bearerToken(req.header('authorization'));
    if (!token) return false;
    try {
      const p = verifyToken(token, o.keys);
      return p.role === 'SERVICE' || !!p.actingService || anyDocument.has(p.role);
    } catch {
      return false;
    }
  };

  return (req, res, next) => {
    const params = (req.method === 'GET' ? req.query : req.body) as GraphQLParams | undefined;
    // not a GraphQL request Apollo would run (an empty body, a batch): Apollo answers it
    if (!params || typeof params !== 'object' || Array.isArray(params)) return next();
    if (mayAskAnything(req)) return next();
    const hash = persistedHash(params.extensions);
    if (typeof params.query === 'string') {
      if (trusted(params.query)) return next();
      return refuse(res, 'PERSISTED_QUERY_NOT_TRUSTED', 'This gateway runs only the documents of its trusted-documents manifest; this document is not one of them');
    }
    if (hash) {
      const body = byId.get(hash);
      if (body === undefined) return refuse(res, 'PERSISTED_QUERY_NOT_FOUND', `No trusted document has the hash ${hash.slice(0, 64)}`);
      // the document is filled in from the manifest; Apollo's persisted-query step checks it against the hash
      if (req.method === 'GET') Object.defineProperty(req, 'query', { value: { ...(req.query as object), query: body }, configurable: true });
      else (req.body as GraphQLParams).query = body;
      return next();
    }
    next();
  };
}
