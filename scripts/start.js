#!/usr/bin/env node
// npm start: builds what changed, starts every subgraph and the gateway as separate processes on the
// embedded SQLite default (or the databases the environment names), waits until all are ready, loads
// the demo district into an empty data folder (DEMO_DATA=0 to skip), and prints the gateway URL and a
// development token. Ctrl-C stops everything.
const { spawn, spawnSync } = require('node:child_process');
const path = require('node:path');
const readline = require('node:readline');

const root = path.resolve(__dirname, '..');
const started = Date.now();
const say = (s) => process.stdout.write(`${s}\n`);
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);

say('building…');
const build = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
require(path.join(root, 'console')).ensureConsoleBuilt({ log: say });

const kernel = require(path.join(root, 'packages/kernel/dist'));
const demo = require(path.join(root, 'packages/demo/dist'));

let gatewayCfg;
try {
  gatewayCfg = kernel.readGatewayConfig();
} catch (e) {
  console.error(e.message);
  process.exit(1);
}

// the importer asks the gateway for what it writes; tell it where this gateway listens
if (!process.env.GATEWAY_URL) {
  const h = gatewayCfg.host === '0.0.0.0' ? '127.0.0.1' : gatewayCfg.host;
  process.env.GATEWAY_URL = `http://${h}:${gatewayCfg.port}/graphql`;
}

const children = [];
let stopping = false;

function launch(name, script) {
  const child = spawn(process.execPath, [script], { cwd: root, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on('line', (line) => process.stdout.write(`[${name}] ${line}\n`));
  }
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${name} stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping the platform`);
    stop(1);
  });
  children.push({ name, child });
  return child;
}

async function waitReady(name, url, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    if (stopping) throw new Error('stopping');
    if (Date.now() > deadline) throw new Error(`${name} was not ready after ${timeoutMs / 1000} s (${url})`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  const alive = children.filter(({ child }) => child.exitCode === null && child.signalCode === null);
  if (!alive.length) process.exit(code);
  let left = alive.length;
  for (const { child } of alive) {
    child.once('exit', () => {
      if (--left === 0) process.exit(code);
    });
    child.kill('SIGTERM');
  }
  setTimeout(() => {
    for (const { child } of alive) child.kill('SIGKILL');
    process.exit(code || 1);
  }, 12_000).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

async function main() {
  for (const s of kernel.SERVICES) launch(s.name, path.join(root, s.folder, 'dist/main.js'));
  await Promise.all(
    kernel.SERVICES.map((s) => {
      const cfg = kernel.readServiceConfig(s.name);
      return waitReady(s.name, `http://${cfg.host === '0.0.0.0' ? '127.0.0.1' : cfg.host}:${cfg.port}/ready`);
    }),
  );
  launch('gateway', path.join(root, 'gateway/dist/main.js'));
  const host = gatewayCfg.host === '0.0.0.0' ? 'localhost' : gatewayCfg.host;
  const gatewayUrl = `http://${host}:${gatewayCfg.port}/graphql`;
  await waitReady('gateway', `http://${host === 'localhost' ? '127.0.0.1' : host}:${gatewayCfg.port}/ready`);

  let token;
  if (gatewayCfg.keys.user.kind === 'HS256') {
    token = kernel.signUserToken({ subject: 'dev-district-admin', role: 'DISTRICT_ADMIN' }, gatewayCfg.keys.user.secret, '12h');
  }
  if (token && process.env.DEMO_DATA !== '0') {
    const localUrl = `http://${host === 'localhost' ? '127.0.0.1' : host}:${gatewayCfg.port}/graphql`;
    const post = demo.gatewayPoster(localUrl, token);
    if (await demo.districtIsEmpty(post)) {
      say('loading the demo district through the importer (DEMO_DATA=0 starts empty)…');
      const secret = gatewayCfg.keys.user.secret;
      // the district uploads its files; one school's roster is uploaded by that school's own administrator
      const target = {
        gatewayUrl: localUrl,
        token: (as) => (as.role === 'DISTRICT_ADMIN' ? token : kernel.signUserToken({ subject: 'dev-school-admin', role: 'SCHOOL_ADMIN', schoolId: as.schoolId }, secret, '1h')),
      };
      const loaded = await demo.loadDemoDistrict(target, say);
      say(`demo district loaded through the importer: ${loaded.schools} schools, ${loaded.teachers} teachers, ${loaded.files} files, ${loaded.rows} rows in ${(loaded.ms / 1000).toFixed(1)} s`);
    }
  }
  say('');
  say(`platform ready in ${seconds()} s`);
  say(`  gateway: ${gatewayUrl}`);
  say(`  console: ${gatewayUrl.replace(/\/graphql$/, '/console/')}`);
  if (token) {
    say('  development token (DISTRICT_ADMIN, 12 h); send it as "Authorization: Bearer <token>":');
    say(`  ${token}`);
    say('  other roles: npm run token -- --role SCHOOL_ADMIN --school <school id>');
  } else {
    say('  tokens come from your identity provider (JWT_PUBLIC_KEY is set)');
  }
  say('Ctrl-C stops everything.');
}

main().catch((e) => {
  if (!stopping) {
    console.error(e.message ?? e);
    stop(1);
  }
});
