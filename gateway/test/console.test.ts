/**
 * The gateway's console routes on a bare express app over a small build folder made here: pages and
 * assets with their cache and security headers, the IDE for browsers only, development tokens never in
 * production, and the OIDC code exchange against an identity provider run here (PKCE checked).
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { ConsoleSettings, verifyToken } from '@tw/kernel';
import express from 'express';
import { CONSOLE_CSP, mountConsole } from '../src/console';

const secret = randomBytes(32).toString('base64url');
const keys = { user: { kind: 'HS256' as const, secret }, gatewaySecret: randomBytes(32).toString('base64url') };
let dist: string;

beforeAll(() => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-console-dist-'));
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>console</title><script type="module" src="/console/assets/main-abc123.js"></script>');
  fs.writeFileSync(path.join(dist, 'ide.html'), '<!doctype html><title>GraphQL IDE</title>');
  const js = `console.log(${JSON.stringify('x'.repeat(4000))});`;
  fs.writeFileSync(path.join(dist, 'assets/main-abc123.js'), js);
  fs.writeFileSync(path.join(dist, 'assets/main-abc123.js.br'), zlib.brotliCompressSync(js));
  fs.writeFileSync(path.join(dist, 'assets/main-abc123.js.gz'), zlib.gzipSync(js));
});
afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

/** An app with the console mounted and a stand-in /graphql behind it, listening on a free port. */
async function serve(o: { production: boolean; settings?: ConsoleSettings; devTokenSecret?: string }) {
  const app = express();
  mountConsole(app, { ...o, dist });
  app.use('/graphql', (_req, res) => {
    res.json({ data: { answeredBy: 'graphql' } });
  });
  const server = http.createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('the console on the gateway', () => {
  it('serves pages for every console path under a CSP of this origin, never cached, and hashed assets cached for good, compressed', async () => {
    const s = await serve({ production: false, devTokenSecret: secret });
    try {
      for (const route of ['/console/', '/console/teachers/abc', '/console/imports']) {
        const r = await fetch(`${s.origin}${route}`);
        expect(r.status).toBe(200);
        expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
        expect(r.headers.get('cache-control')).toBe('no-cache');
        expect(r.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
        expect(await r.text()).toContain('<title>console</title>');
      }
      expect(CONSOLE_CSP).not.toMatch(/https?:|\*/);
      const br = await fetch(`${s.origin}/console/assets/main-abc123.js`, { headers: { 'accept-encoding': 'gzip, br' } });
      expect(br.headers.get('content-encoding')).toBe('br');
      expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(br.headers.get('vary')).toBe('accept-encoding');
      expect(await br.text()).toContain('xxxx');
      const plain = await new Promise<http.IncomingMessage>((resolve) => http.get(`${s.origin}/console/assets/main-abc123.js`, { headers: { 'accept-encoding': 'identity' } }, resolve));
      expect(plain.headers['content-encoding']).toBeUndefined();
      plain.resume();
      // a missing asset is a 404, not the page (a stale page asking for a chunk of an older build)
      const missing = await fetch(`${s.origin}/console/assets/gone-999.js`);
      expect(missing.status).toBe(404);
      expect((await fetch(`${s.origin}/console/assets/..%2Findex.html`)).status).toBe(404);
      expect((await fetch(`${s.origin}/console`, { redirect: 'manual' })).headers.get('location')).toBe('/console/');
    } finally {
      await s.close();
    }
  });

  it('answers a browser asking /graphql for a page with the IDE, and every other request with GraphQL', async () => {
    const s = await serve({ production: false });
    try {
      const page = await fetch(`${s.origin}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
      expect(await page.text()).toContain('GraphQL IDE');
      expect(page.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
      for (const accept of ['application/json', 'application/graphql-response+json, application/json', '*/*']) {
        const r = await fetch(`${s.origin}/graphql`, { headers: { accept } });
        expect(await r.json()).toEqual({ data: { answeredBy: 'graphql' } });
      }
      const post = await fetch(`${s.origin}/graphql`, { method: 'POST', headers: { accept: 'text/html', 'content-type': 'application/json' }, body: '{}' });
      expect(await post.json()).toEqual({ data: { answeredBy: 'graphql' } });
    } finally {
      await s.close();
    }
  });

  it('keeps the IDE out of production unless GRAPHQL_IDE enables it', async () => {
    const off = await serve({ production: true });
    const on = await serve({ production: true, settings: { enabled: true, graphqlIde: true } });
    try {
      const html = { headers: { accept: 'text/html' } };
      expect(await (await fetch(`${off.origin}/graphql`, html)).json()).toEqual({ data: { answeredBy: 'graphql' } });
      expect(await (await fetch(`${on.origin}/graphql`, html)).text()).toContain('GraphQL IDE');
    } finally {
      await off.close();
      await on.close();
    }
  });

  it('signs development tokens for a role as npm run token does, and has no such route in production', async () => {
    const dev = await serve({ production: false, devTokenSecret: secret });
    const prod = await serve({ production: true, devTokenSecret: secret });
    const ask = (origin: string, body: unknown) => fetch(`${origin}/console/dev-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    try {
      const r = await ask(dev.origin, { role: 'SCHOOL_ADMIN', school: 'school-1' });
      expect(r.status).toBe(200);
      const { token } = (await r.json()) as { token: string };
      expect(verifyToken(token, keys)).toEqual({ subject: 'dev-school-admin', role: 'SCHOOL_ADMIN', schoolId: 'school-1' });
      expect(await (await fetch(`${dev.origin}/console/config.json`)).json()).toEqual({ production: false, devSignIn: true, ide: true, oidc: null });

      const refused = await ask(dev.origin, { role: 'SERVICE' });
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { errors: Array<{ message: string }> }).errors[0].message).toBe('角色须为 DISTRICT_ADMIN、SCHOOL_ADMIN、TEACHER、ANALYST 之一');
      expect((await ask(dev.origin, { role: 'TEACHER' })).status).toBe(400);

      // production: the secret given or not, no token is signed
      const none = await ask(prod.origin, { role: 'DISTRICT_ADMIN' });
      expect(none.status).toBe(404);
      expect(((await none.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('NOT_FOUND');
      expect(await (await fetch(`${prod.origin}/console/config.json`)).json()).toMatchObject({ production: true, devSignIn: false, ide: false });
    } finally {
      await dev.close();
      await prod.close();
    }
  });

  it('exchanges an identity provider’s code with the PKCE verifier, and refuses a wrong verifier or a redirect elsewhere', async () => {
    // an identity provider: discovery, and a token endpoint that checks the verifier against the challenge it was given
    const challenges = new Map<string, string>();
    const idp = http.createServer((req, res) => {
      const base = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
      if (req.url === '/realm/.well-known/openid-configuration') {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ issuer: `${base}/realm`, authorization_endpoint: `${base}/realm/auth`, token_endpoint: `${base}/realm/token` }));
        return;
      }
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const form = new URLSearchParams(body);
        const challenge = challenges.get(form.get('code') ?? '');
        const given = createHash('sha256').update(form.get('code_verifier') ?? '').digest('base64url');
        res.setHeader('content-type', 'application/json');
        if (form.get('grant_type') !== 'authorization_code' || form.get('client_id') !== 'tw-console' || !challenge || challenge !== given) {
          res.statusCode = 400;
          res.end(JSON.stringify({ error: 'invalid_grant', error_description: 'PKCE verification failed' }));
          return;
        }
        res.end(JSON.stringify({ access_token: 'access.jwt.token', id_token: 'id.jwt.token', token_type: 'Bearer' }));
      });
    });
    await new Promise<void>((r) => idp.listen(0, '127.0.0.1', () => r()));
    const issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}/realm`;
    const s = await serve({ production: false, settings: { enabled: true, graphqlIde: true, oidc: { issuer, clientId: 'tw-console', scopes: 'openid', token: 'access_token' } } });
    const exchange = (body: unknown) => fetch(`${s.origin}/console/oidc/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    try {
      expect(await (await fetch(`${s.origin}/console/config.json`)).json()).toMatchObject({ oidc: { authorizationEndpoint: `${issuer}/auth`, clientId: 'tw-console', scopes: 'openid' } });
      const verifier = randomBytes(48).toString('base64url');
      challenges.set('code-1', createHash('sha256').update(verifier).digest('base64url'));
      const redirectUri = `${s.origin}/console/oidc/callback`;
      const ok = await exchange({ code: 'code-1', codeVerifier: verifier, redirectUri });
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ token: 'access.jwt.token' });

      const wrong = await exchange({ code: 'code-1', codeVerifier: 'not-the-verifier', redirectUri });
      expect(wrong.status).toBe(401);
      expect(((await wrong.json()) as { errors: Array<{ message: string }> }).errors[0].message).toBe('身份提供方拒绝了登录：PKCE verification failed');

      const elsewhere = await exchange({ code: 'code-1', codeVerifier: verifier, redirectUri: 'https://evil.example/console/oidc/callback' });
      expect(elsewhere.status).toBe(400);
    } finally {
      await s.close();
      await new Promise<void>((r) => idp.close(() => r()));
    }
  });
});
