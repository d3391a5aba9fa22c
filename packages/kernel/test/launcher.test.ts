/**
 * The launcher's own contract, on a small stand-in server (the process tests and npm start run it
 * on the real platform): ready means /ready answered 200; output kept or handed over; a process
 * that dies once ready is reported, one asked to stop is not; a restart takes extra environment;
 * a wrong variable fails before anything is spawned.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ExitStatus, freePort, machineEnv, Platform, PlatformProcess } from '@tw/kernel/launcher';

// the stand-in is a plain script: nothing of the platform to build first
process.env.TW_SKIP_BUILD = '1';

/** Answers /ready 503 until READY_AFTER_MS have passed, then 200; prints its MARK at start; exits with EXIT_AT_START set. */
const SERVER = `
const http = require('node:http');
const started = Date.now();
console.log('started with mark ' + (process.env.MARK || 'none'));
if (process.env.EXIT_AT_START) { console.error('refusing to start: ' + process.env.EXIT_AT_START); process.exit(3); }
http.createServer((req, res) => {
  const ready = Date.now() - started >= Number(process.env.READY_AFTER_MS || 0);
  res.writeHead(req.url === '/ready' && !ready ? 503 : 200).end();
}).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'));
process.on('SIGTERM', () => { console.log('stopping on SIGTERM'); process.exit(0); });
`;

describe('PlatformProcess', () => {
  let dir: string;
  let script: string;
  const made: PlatformProcess[] = [];
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-launcher-'));
    script = path.join(dir, 'server.js');
    fs.writeFileSync(script, SERVER);
  });
  afterEach(async () => {
    await Promise.all(made.splice(0).map((p) => p.kill()));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const make = async (o: { env?: Record<string, string>; lines?: string[]; onUnexpectedExit?: (s: ExitStatus) => void } = {}) => {
    const port = await freePort();
    const p = new PlatformProcess({
      name: 'stand-in',
      script,
      host: '0.0.0.0',
      port,
      env: { ...machineEnv(), PORT: String(port), ...o.env },
      output: o.lines ? { lines: (l) => o.lines!.push(l) } : { logFile: path.join(dir, `${port}.log`) },
      onUnexpectedExit: o.onUnexpectedExit,
    });
    made.push(p);
    return p;
  };

  it('is ready only once /ready answers 200, and keeps what it printed in its log file', async () => {
    const p = await make({ env: { READY_AFTER_MS: '700', MARK: 'first' } });
    const t = Date.now();
    await p.start();
    expect(Date.now() - t).toBeGreaterThanOrEqual(700);
    expect(p.running).toBe(true);
    expect(p.origin).toBe(`http://127.0.0.1:${p.port}`);
    expect(p.log()).toContain('started with mark first');
    expect(p.stats()?.rssKb).toBeGreaterThan(0);
  });

  it('fails to start with the end of its output when it exits before it is ready', async () => {
    const lines: string[] = [];
    const p = await make({ env: { EXIT_AT_START: 'no secret' }, lines });
    await expect(p.start()).rejects.toThrow(/stand-in exited \(exit code 3\) before it was ready; its output ends:\n[\s\S]*refusing to start: no secret/);
    expect(lines).toContain('refusing to start: no secret');
  });

  it('reports a ready process that dies unasked, and not one it stops, and restarts it with more environment', async () => {
    const unexpected: ExitStatus[] = [];
    const p = await make({ onUnexpectedExit: (s) => unexpected.push(s) });
    await p.start();
    process.kill(p.pid!, 'SIGKILL');
    for (let i = 0; i < 100 && unexpected.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(unexpected).toEqual([{ code: null, signal: 'SIGKILL' }]);

    await p.start({ MARK: 'second' });
    expect(await p.stop()).toEqual({ code: 0, signal: null });
    expect(unexpected).toHaveLength(1);
    await p.restart({ MARK: 'third' });
    expect(p.log()).toMatch(/mark none[\s\S]*mark second[\s\S]*stopping on SIGTERM[\s\S]*mark third/);
  });

  it('answers nothing while frozen, and again once resumed', async () => {
    const p = await make();
    await p.start();
    p.freeze();
    await expect(fetch(`${p.origin}/ready`, { signal: AbortSignal.timeout(500) })).rejects.toThrow();
    p.resume();
    expect((await fetch(`${p.origin}/ready`)).status).toBe(200);
  });
});

describe('Platform', () => {
  it('fails on a wrong variable before it spawns anything, naming the variable', () => {
    expect(() => new Platform({ env: { ...machineEnv(), COMPENSATION_PORT: 'eighty', JWT_SECRET: 'j'.repeat(32), GATEWAY_SECRET: 'g'.repeat(32) }, output: { lines: () => {} } })).toThrow(
      /COMPENSATION_PORT="eighty" is invalid: it must be a whole number from 1 to 65535/,
    );
  });

  it('has every subgraph and then the gateway, each where the environment says it listens', async () => {
    const port = await freePort();
    const p = new Platform({ env: { ...machineEnv(), GOVERNANCE_PORT: String(port), GOVERNANCE_HOST: '127.0.0.2', JWT_SECRET: 'j'.repeat(32), GATEWAY_SECRET: 'g'.repeat(32) }, output: { lines: () => {} } });
    expect(p.all.map((x) => x.name)).toEqual(['personnel', 'professional-development', 'compensation', 'governance', 'importer', 'gateway']);
    expect(p.process('governance').graphqlUrl).toBe(`http://127.0.0.2:${port}/graphql`);
    expect(p.gatewayUrl).toBe('http://127.0.0.1:4000/graphql');
    expect(() => p.process('analytics')).toThrow(/No process analytics: there are personnel, .*, gateway/);
  });
});
