import fs from 'node:fs';
import path from 'node:path';
import { CONSOLE_DIST } from '@tw/console';
import { ConsoleSettings, OidcSettings, Role, signUserToken, USER_ROLES } from '@tw/kernel';
import express from 'express';

export interface ConsoleOptions {
  readonly production: boolean;
  /** CONSOLE_ENABLED, GRAPHQL_IDE, OIDC_* (kernel's readConsoleSettings); default: the console on, the IDE outside production */
  readonly settings?: ConsoleSettings;
  /** the users' HS256 secret, to sign development tokens; never given in production */
  readonly devTokenSecret?: string;
  /** the console's build (default: @tw/console's dist folder) */
  readonly dist?: string;
}

/**
 * Nothing but this origin: scripts only from the bundle (no inline script, no eval), styles from the
 * bundle and the style elements Ant Design writes, API calls to this origin only.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

const refuse = (res: express.Response, status: number, code: string, message: string) => res.status(status).json({ errors: [{ message, extensions: { code } }] });

function securityHeaders(res: express.Response): void {
  res.setHeader('content-security-policy', CONSOLE_CSP);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
}

/** Sends a file of the build, the precompressed .br or .gz beside it when the browser takes it. */
function sendBuilt(req: express.Request, res: express.Response, file: string, cacheControl: string): void {
  const accepts = String(req.headers['accept-encoding'] ?? '');
  let body = file;
  let encoding: string | undefined;
  if (/\bbr\b/.test(accepts) && fs.existsSync(`${file}.br`)) [body, encoding] = [`${file}.br`, 'br'];
  else if (/\bgzip\b/.test(accepts) && fs.existsSync(`${file}.gz`)) [body, encoding] = [`${file}.gz`, 'gzip'];
  res.setHeader('content-type', TYPES[path.extname(file)] ?? 'application/octet-stream');
  res.setHeader('cache-control', cacheControl);
  res.setHeader('vary', 'accept-encoding');
  res.setHeader('x-content-type-options', 'nosniff');
  if (encoding) res.setHeader('content-encoding', encoding);
  res.setHeader('content-length', String(fs.statSync(body).size));
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  fs.createReadStream(body).pipe(res);
}

/** An HTML page of the build: never cached (it names the hashed assets of the current build), under the CSP. */
function sendPage(req: express.Request, res: express.Response, dist: string, page: 'index.html' | 'ide.html'): void {
  const file = path.join(dist, page);
  if (!fs.existsSync(file)) {
    refuse(res, 503, 'CONSOLE_NOT_BUILT', `控制台尚未构建：运行 npm start 或 npm run build -w console（缺少 ${file}）`);
    return;
  }
  securityHeaders(res);
  sendBuilt(req, res, file, 'no-cache');
}

/** Whether a request for /graphql is a browser asking for a page rather than a client asking for data. */
function wantsPage(req: express.Request): boolean {
  if (req.method !== 'GET') return false;
  const accept = String(req.headers.accept ?? '');
  return accept.includes('text/html') && !accept.startsWith('application/json') && !accept.includes('application/graphql-response+json');
}

/** The issuer's endpoints, read from its discovery document once and kept. */
function oidcEndpoints(o: OidcSettings): () => Promise<{ authorization_endpoint: string; token_endpoint: string }> {
  let found: Promise<{ authorization_endpoint: string; token_endpoint: string }> | undefined;
  return () => {
    found ??= (async () => {
      const url = `${o.issuer}/.well-known/openid-configuration`;
      const r = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      if (!r.ok) throw new Error(`${url} answered ${r.status}`);
      const doc = (await r.json()) as { authorization_endpoint?: unknown; token_endpoint?: unknown };
      if (typeof doc.authorization_endpoint !== 'string' || typeof doc.token_endpoint !== 'string') throw new Error(`${url} names no authorization_endpoint and token_endpoint`);
      return { authorization_endpoint: doc.authorization_endpoint, token_endpoint: doc.token_endpoint };
    })();
    // a failed look-up is tried again next time (the issuer may have been down)
    found.catch(() => (found = undefined));
    return found;
  };
}

/**
 * The console on the gateway's origin: its pages at /console/ (hashed assets cached for a year,
 * pages never), what its sign-in needs (/console/config.json, /console/dev-token in development,
 * /console/oidc/token), and the GraphQL IDE at /graphql when a browser asks for a page. Mounted before /graphql.
 * @example mountConsole(app, { production: false, devTokenSecret: keys.user.secret })
 */
export function mountConsole(app: express.Express, o: ConsoleOptions): void {
  const settings: ConsoleSettings = o.settings ?? { enabled: true, graphqlIde: !o.production };
  const dist = o.dist ?? CONSOLE_DIST;
  // Apollo's own landing page loads from Apollo's CDN: a browser gets the bundled IDE or nothing
  if (settings.graphqlIde) app.get('/graphql', (req, res, next) => (wantsPage(req) ? sendPage(req, res, dist, 'ide.html') : next()));
  if (!settings.enabled && !settings.graphqlIde) return;
  app.get('/console/assets/:file', (req, res) => {
    const name = String(req.params.file);
    const file = path.join(dist, 'assets', name);
    if (!/^[\w.-]+$/.test(name) || !fs.existsSync(file)) return refuse(res, 404, 'NOT_FOUND', `没有这个文件：/console/assets/${name}`);
    // names carry a hash of the content: a new build has new names
    sendBuilt(req, res, file, 'public, max-age=31536000, immutable');
  });
  if (!settings.enabled) return;

  const devTokens = !o.production && o.devTokenSecret ? o.devTokenSecret : undefined;
  const endpoints = settings.oidc ? oidcEndpoints(settings.oidc) : undefined;

  // (without strict routing '/console' matches '/console/' too: only the bare path is redirected)
  app.get('/console', (req, res, next) => (req.path.endsWith('/') ? next() : res.redirect(301, '/console/')));
  app.get('/console/config.json', async (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    let oidc: { authorizationEndpoint: string; clientId: string; scopes: string } | { error: string } | null = null;
    if (settings.oidc && endpoints) {
      try {
        oidc = { authorizationEndpoint: (await endpoints()).authorization_endpoint, clientId: settings.oidc.clientId, scopes: settings.oidc.scopes };
      } catch (e) {
        oidc = { error: `无法读取身份提供方的配置（${settings.oidc.issuer}）：${(e as Error).message}` };
      }
    }
    res.json({ production: o.production, devSignIn: !!devTokens, ide: settings.graphqlIde, oidc });
  });

  app.post('/console/dev-token', express.json({ limit: '4kb' }), (req, res) => {
    // development only: in production (or with an identity provider's key) there is no route at all
    if (!devTokens) return refuse(res, 404, 'NOT_FOUND', '开发令牌只在开发环境中提供；生产环境请通过身份提供方登录或粘贴令牌');
    const { role, school, teacher } = (req.body ?? {}) as { role?: unknown; school?: unknown; teacher?: unknown };
    if (typeof role !== 'string' || !USER_ROLES.includes(role as Role)) return refuse(res, 400, 'BAD_USER_INPUT', `角色须为 ${USER_ROLES.join('、')} 之一`);
    if (role === 'SCHOOL_ADMIN' && typeof school !== 'string') return refuse(res, 400, 'BAD_USER_INPUT', '学校管理员的令牌须指定学校（school）');
    if (role === 'TEACHER' && typeof teacher !== 'string') return refuse(res, 400, 'BAD_USER_INPUT', '教师的令牌须指定教师（teacher）');
    const principal = {
      subject: `dev-${role.toLowerCase().replace(/_/g, '-')}`,
      role: role as Role,
      schoolId: role === 'SCHOOL_ADMIN' ? (school as string) : undefined,
      teacherId: role === 'TEACHER' ? (teacher as string) : undefined,
    };
    res.setHeader('cache-control', 'no-store');
    res.json({ token: signUserToken(principal, devTokens, '12h') });
  });

  app.post('/console/oidc/token', express.json({ limit: '8kb' }), async (req, res) => {
    if (!settings.oidc || !endpoints) return refuse(res, 404, 'NOT_FOUND', '未配置身份提供方（OIDC_ISSUER）');
    const { code, codeVerifier, redirectUri } = (req.body ?? {}) as Record<string, unknown>;
    if (typeof code !== 'string' || typeof codeVerifier !== 'string' || typeof redirectUri !== 'string') {
      return refuse(res, 400, 'BAD_USER_INPUT', '登录回调缺少 code、codeVerifier 或 redirectUri');
    }
    // the code may only come back to this origin's console
    const host = req.headers.host;
    if (!host || new URL(redirectUri, 'http://x').host !== host || !new URL(redirectUri, 'http://x').pathname.startsWith('/console/')) {
      return refuse(res, 400, 'BAD_USER_INPUT', 'redirectUri 必须是本站点的控制台地址');
    }
    try {
      const { token_endpoint } = await endpoints();
      const form = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: settings.oidc.clientId, code_verifier: codeVerifier });
      if (settings.oidc.clientSecret) form.set('client_secret', settings.oidc.clientSecret);
      const r = await fetch(token_endpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body: form, signal: AbortSignal.timeout(15_000) });
      const body = (await r.json().catch(() => ({}))) as Record<string, unknown>;
      const token = body[settings.oidc.token];
      if (!r.ok || typeof token !== 'string') {
        const why = typeof body.error_description === 'string' ? body.error_description : typeof body.error === 'string' ? body.error : `HTTP ${r.status}`;
        return refuse(res, 401, 'UNAUTHENTICATED', `身份提供方拒绝了登录：${why}`);
      }
      res.setHeader('cache-control', 'no-store');
      res.json({ token });
    } catch (e) {
      refuse(res, 502, 'UNAVAILABLE', `无法连接身份提供方：${(e as Error).message}`);
    }
  });


  // every other path is a page of the console's router
  app.get(/^\/console\/.*/, (req, res) => sendPage(req, res, dist, 'index.html'));
}
