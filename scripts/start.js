#!/usr/bin/env node
// npm start: builds what changed, starts every subgraph and the gateway as separate processes on the
// embedded SQLite default (or the databases the environment names), waits until all are ready, prints
// the gateway URL and a development token, and then, on an empty data folder, loads the demo district
// while the platform is already in use (DEMO_DATA=0 to skip), printing its progress; its files are
// import jobs the console's 导入中心 lists as they run. Ctrl-C stops everything. The processes are
// started by the kernel's launcher (packages/kernel/src/launcher), as the benches and the process
// tests start them.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const started = Date.now();
const say = (s) => process.stdout.write(`${s}\n`);
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);

say('building…');
const build = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
require(path.join(root, 'console')).ensureConsoleBuilt({ log: say });

const built = seconds();
const kernel = require(path.join(root, 'packages/kernel/dist'));
const { Platform } = require(path.join(root, 'packages/kernel/dist/launcher'));
// the demo (and the importer's spreadsheet code it writes its files with) is loaded once the platform is up
const DEMO_FILES_AT_ONCE = 4;

let gatewayCfg;
try {
  gatewayCfg = kernel.readGatewayConfig();
} catch (e) {
  console.error(e.message);
  process.exit(1);
}

// the environment every process starts with: this one's, plus what the platform needs to find itself
const env = { ...process.env };
// the importer asks the gateway for what it writes; tell it where this gateway listens
if (!env.GATEWAY_URL) {
  const h = gatewayCfg.host === '0.0.0.0' ? '127.0.0.1' : gatewayCfg.host;
  env.GATEWAY_URL = `http://${h}:${gatewayCfg.port}/graphql`;
}
// the importer runs several jobs at once (the demo's independent files; a user's upload beside them)
env.IMPORTER_CONCURRENCY ??= String(DEMO_FILES_AT_ONCE);

let stopping = false;
let platform;
try {
  platform = new Platform({
    env,
    output: { lines: (name, line) => process.stdout.write(`[${name}] ${line}\n`) },
    onUnexpectedExit: (p, status) => {
      console.error(`${p.name} stopped unexpectedly (${status.signal ?? `exit code ${status.code}`}); stopping the platform`);
      stop(1);
    },
  });
} catch (e) {
  console.error(e.message);
  process.exit(1);
}

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  platform.stop().then(
    () => process.exit(code),
    () => process.exit(code || 1),
  );
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

async function main() {
  const spawned = seconds();
  await platform.start();
  const host = gatewayCfg.host === '0.0.0.0' ? 'localhost' : gatewayCfg.host;
  const gatewayUrl = `http://${host}:${gatewayCfg.port}/graphql`;

  let token;
  if (gatewayCfg.keys.user.kind === 'HS256') {
    token = kernel.signUserToken({ subject: 'dev-district-admin', role: 'DISTRICT_ADMIN' }, gatewayCfg.keys.user.secret, '12h', gatewayCfg.keys.user);
  }
  say('');
  say(`platform ready in ${seconds()} s (built in ${built} s, processes started at ${spawned} s)`);
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
  if (!token || process.env.DEMO_DATA === '0') return;
  try {
    const demo = require(path.join(root, 'packages/demo/dist'));
    if (await demo.districtIsEmpty(demo.gatewayPoster(platform.gatewayUrl, token))) await loadDemoDistrict(demo, token);
  } catch (e) {
    if (stopping) return;
    // the platform keeps serving what was loaded; an empty data folder loads the demo again
    console.error(`the demo district did not load: ${e.message ?? e}`);
    console.error('the platform keeps running with what was imported; stop it and start on an empty data folder to load the demo again');
  }
}

/** Loads the demo district through the importer while the platform serves, its progress on the console. */
async function loadDemoDistrict(demo, token) {
  say('');
  say(`loading the demo district through the importer, ${DEMO_FILES_AT_ONCE} files at once (DEMO_DATA=0 starts empty); the console's 导入中心 lists its jobs…`);
  const secret = gatewayCfg.keys.user.secret;
  // the district uploads its files; one school's roster is uploaded by that school's own administrator
  const target = {
    gatewayUrl: platform.gatewayUrl,
    token: (as) => (as.role === 'DISTRICT_ADMIN' ? token : kernel.signUserToken({ subject: 'dev-school-admin', role: 'SCHOOL_ADMIN', schoolId: as.schoolId }, secret, '1h', gatewayCfg.keys.user)),
  };
  // the district as of today, the day the services take as today too (BUSINESS_DATE when set)
  const today = gatewayCfg.businessDate ?? kernel.todayInChina(kernel.systemClock);
  // a line every few seconds between the kinds' lines, so a long wave shows it moves
  let lastLine = Date.now();
  const log = (line) => {
    lastLine = Date.now();
    say(line);
  };
  const progress = (p) => {
    if (!p.imported || Date.now() - lastLine < 3000) return;
    log(`  … ${p.filesImported} of ${p.filesQueued} files queued so far imported, ${p.rowsImported} rows (${(p.ms / 1000).toFixed(1)} s)`);
  };
  const loaded = await demo.loadDemoDistrict(target, today, { log, progress, concurrency: DEMO_FILES_AT_ONCE });
  say(`demo district loaded through the importer in ${seconds()} s from npm start: ${loaded.schools} schools, ${loaded.teachers} teachers, ${loaded.files} files, ${loaded.rows} rows in ${(loaded.ms / 1000).toFixed(1)} s`);
}

main().catch((e) => {
  if (!stopping) {
    console.error(e.message ?? e);
    stop(1);
  }
});
