/**
 * Trusted documents: with the production setting on, the gateway runs only the documents of the
 * manifest built from schema/operations and the console's documents (sent whole or by hash);
 * the roles allowed any document, and the platform's own services, still may. Off, automatic
 * persisted queries work as Apollo's clients expect. The committed manifest is current.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { readTrustedDocuments, sha256, startGateway } from '@tw/gateway';
import { signServiceToken } from '@tw/kernel';
import { TeachersPageDocument } from '@tw/schema';
import { print } from 'graphql';
import { startPlatform } from '../src/platform';

const ROOT = path.resolve(__dirname, '../..');
type Platform = Awaited<ReturnType<typeof startPlatform>>;

describe('trusted documents at the gateway', () => {
  let p: Platform;
  const manifest = readTrustedDocuments();
  const teachersPage = manifest.operations.find((o) => o.name === 'TeachersPage')!;

  beforeAll(async () => {
    p = await startPlatform('sqlite', { gateway: (keys) => ({ trustedDocuments: { manifest, anyDocumentRoles: ['ANALYST'], keys } }) });
  });
  afterAll(() => p?.stop());

  const post = async (body: unknown, token = p.tokenOf({ subject: 'district-admin', role: 'DISTRICT_ADMIN' })) => {
    const res = await fetch(p.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as { data?: Record<string, unknown>; errors?: Array<{ message: string; extensions?: { code?: string } }> } };
  };

  it('the committed manifest holds the codegen operations and the console’s documents, and is current (run "npm run codegen" when this fails)', () => {
    expect(teachersPage).toBeDefined();
    expect(teachersPage.id).toBe(sha256(teachersPage.body));
    expect(manifest.operations.map((o) => o.name)).toEqual(expect.arrayContaining(['TeachersPage', 'DistrictFigures', 'SchoolComparison']));
    expect(() => execFileSync(process.execPath, [path.join(ROOT, 'scripts/trusted-documents.js'), '--check'], { cwd: ROOT, stdio: 'pipe' })).not.toThrow();
  });

  it('refuses a document that is not in the manifest, before running it', async () => {
    const r = await post({ query: '{ schools(first: 1) { totalCount } }' });
    expect(r.status).toBe(400);
    expect(r.body.data).toBeUndefined();
    expect(r.body.errors).toEqual([
      { message: 'This gateway runs only the documents of its trusted-documents manifest; this document is not one of them', extensions: { code: 'PERSISTED_QUERY_NOT_TRUSTED' } },
    ]);
  });

  it('refuses an unknown hash', async () => {
    const hash = sha256('{ schools { totalCount } }');
    const r = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0]).toEqual({ message: `No trusted document has the hash ${hash}`, extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } });
  });

  it('runs a known document sent whole, as the codegen prints it, reformatted, or by its hash alone (POST and GET)', async () => {
    const variables = { first: 5 };
    for (const query of [teachersPage.body, print(TeachersPageDocument), `# a comment\n${teachersPage.body.replace(/\n\s*/g, ' ')}`]) {
      const r = await post({ query, variables });
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data).toEqual({ teachers: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] } });
    }
    const byHash = await post({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: teachersPage.id } } });
    expect(byHash.body.errors).toBeUndefined();
    expect(byHash.body.data).toEqual({ teachers: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] } });
    const url = `${p.gatewayUrl}?variables=${encodeURIComponent(JSON.stringify(variables))}&extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: teachersPage.id } }))}`;
    const get = await fetch(url, { headers: { authorization: `Bearer ${p.tokenOf({ subject: 'district-admin', role: 'DISTRICT_ADMIN' })}`, 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(200);
    expect(((await get.json()) as { data: unknown }).data).toEqual(byHash.body.data);
  });

  it('lets the roles allowed any document (the IDE, analysts) and the platform’s own services send any document', async () => {
    const analyst = await post({ query: '{ schools(first: 1) { totalCount } }' }, p.tokenOf({ subject: 'analyst', role: 'ANALYST' }));
    expect(analyst.body.errors).toBeUndefined();
    expect(analyst.body.data).toEqual({ schools: { totalCount: 0 } });
    const service = await post({ query: '{ schools(first: 1) { totalCount } }' }, signServiceToken('compensation', p.keys.gatewaySecret));
    expect(service.body.errors).toBeUndefined();
    const forged = await post({ query: '{ schools(first: 1) { totalCount } }' }, signServiceToken('compensation', 'not-the-gateway-secret-but-long-enough'));
    expect(forged.body.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_TRUSTED');
  });

  it('without the setting, runs any document and answers automatic persisted queries', async () => {
    const gw = await startGateway({
      supergraphSdl: p.supergraphSdl,
      subgraphUrls: Object.fromEntries(p.services.map((s) => [s.name, s.url])),
      gatewaySecret: p.keys.gatewaySecret,
      production: true,
    });
    try {
      const query = '{ schools(first: 2) { totalCount } }';
      const ext = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };
      const send = async (body: unknown) =>
        (await (
          await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${p.tokenOf({ subject: 'a', role: 'DISTRICT_ADMIN' })}` }, body: JSON.stringify(body) })
        ).json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
      expect((await send({ extensions: ext })).errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      expect((await send({ query, extensions: ext })).data).toEqual({ schools: { totalCount: 0 } });
      expect((await send({ extensions: ext })).data).toEqual({ schools: { totalCount: 0 } });
    } finally {
      await gw.stop();
    }
  });
});
