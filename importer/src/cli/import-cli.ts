/**
 * npm run import -- <kind> <file> [--school CODE] [--dry-run] [--partial] [--url URL] [--token TOKEN]
 *
 * Uploads a school's file through the gateway, shows the job's progress, prints a summary, and exits
 * 0 when every row was imported, 1 when rows were rejected (the error report is written beside the
 * file as <name>.errors.xlsx), 2 when the file itself could not be imported (not a workbook, a
 * legacy .xls, no header, refused by a limit, or the upload refused).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readCommonConfig, signUserToken } from '@tw/kernel';
import { KINDS, kindSpec } from '../kinds';
import { progressLine } from './progress';

interface Job {
  id: string;
  status: string;
  fileName: string;
  dryRun: boolean;
  rowsExpected: number | null;
  rowsRead: number;
  rowsWritten: number;
  rowsCreated: number;
  rowsUpdated: number;
  rowsUnchanged: number;
  rowsRejected: number;
  errorCode: string | null;
  errorMessage: string | null;
  errorReportUrl: string | null;
  errors: Array<{ message: string; code: string }>;
}

const EXIT = { OK: 0, ROWS_REJECTED: 1, FILE: 2 } as const;
const FINISHED = ['succeeded', 'failed', 'partially_succeeded'];
const USAGE = `用法：npm run import -- <类型> <文件> [--school 学校标识码] [--dry-run] [--partial] [--url http://localhost:4000] [--token 令牌]
类型：${KINDS.map((k) => `${k.kind}（${k.title}）`).join('、')}`;

/** Where the CLI reads its settings and writes its output (the process's, or a test's). */
export interface CliIO {
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: { write(s: string): unknown };
  readonly stderr: { write(s: string): unknown; isTTY?: boolean };
}

function devToken(env: NodeJS.ProcessEnv): string {
  const { keys } = readCommonConfig(env);
  if (keys.user.kind !== 'HS256') throw new Error('JWT_PUBLIC_KEY 已设置：请用 --token 或 IMPORT_TOKEN 提供身份提供方签发的令牌');
  return signUserToken({ subject: 'dev-district-admin', role: 'DISTRICT_ADMIN' }, keys.user.secret, '12h');
}

/**
 * Runs the import CLI and answers its exit code.
 * @example process.exit(await runImportCli(process.argv.slice(2), process))
 */
export async function runImportCli(argv: readonly string[], io: CliIO): Promise<number> {
  const err = (s: string) => io.stderr.write(`${s}\n`);
  let args: ReturnType<typeof parse>;
  const parse = () =>
    parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        school: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        partial: { type: 'boolean', default: false },
        url: { type: 'string' },
        token: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  try {
    args = parse();
  } catch (e) {
    err(`${(e as Error).message}\n${USAGE}`);
    return EXIT.FILE;
  }
  const [kind, file] = args.positionals;
  if (args.values.help || !kind || !file) {
    err(USAGE);
    return args.values.help ? EXIT.OK : EXIT.FILE;
  }
  const spec = kindSpec(kind);
  if (!spec) {
    err(`未知的导入类型“${kind}”\n${USAGE}`);
    return EXIT.FILE;
  }
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    err(`找不到文件：${file}`);
    return EXIT.FILE;
  }
  const origin = (args.values.url ?? io.env.IMPORT_URL ?? 'http://localhost:4000').replace(/\/graphql\/?$/, '').replace(/\/$/, '');
  const token = args.values.token ?? io.env.IMPORT_TOKEN ?? devToken(io.env);
  const auth = { authorization: `Bearer ${token}` };

  const form = new FormData();
  form.set('kind', kind);
  if (args.values.school) form.set('school', args.values.school);
  if (args.values['dry-run']) form.set('dryRun', 'true');
  if (args.values.partial) form.set('partial', 'true');
  form.set('file', await fs.openAsBlob(file), path.basename(file));

  const started = Date.now();
  let res: Response;
  try {
    res = await fetch(`${origin}/imports`, { method: 'POST', headers: auth, body: form });
  } catch (e) {
    err(`无法连接网关 ${origin}：${(e as Error).message}`);
    return EXIT.FILE;
  }
  const accepted = (await res.json().catch(() => ({}))) as Partial<Job> & { error?: { code: string; message: string } };
  if (res.status !== 202 || !accepted.id) {
    err(`上传被拒绝（HTTP ${res.status}${accepted.error ? `，${accepted.error.code}` : ''}）：${accepted.error?.message ?? '未知原因'}`);
    return EXIT.FILE;
  }
  err(`已上传 ${path.basename(file)}（${spec.title}），任务 ${accepted.id}`);

  let job: Job;
  const tty = io.stderr.isTTY === true;
  let lastLine = 0;
  for (;;) {
    await new Promise((r) => setTimeout(r, 400));
    const r = await fetch(`${origin}/imports/${accepted.id}?errors=20`, { headers: auth });
    if (r.status !== 200) {
      err(`\n无法读取任务状态（HTTP ${r.status}）`);
      return EXIT.FILE;
    }
    job = (await r.json()) as Job;
    const line = progressLine(job);
    if (tty) io.stderr.write(`\r${line}\x1b[K`);
    else if (Date.now() - lastLine > 5000 || FINISHED.includes(job.status)) {
      err(line);
      lastLine = Date.now();
    }
    if (FINISHED.includes(job.status)) break;
  }
  if (tty) io.stderr.write('\n');

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const written = job.dryRun ? '（试导入，未写入）' : '';
  io.stdout.write(
    `${job.status === 'succeeded' ? '导入完成' : job.status === 'partially_succeeded' ? '部分导入' : '导入失败'}${written}：${job.fileName}\n` +
      `  读取 ${job.rowsRead} 行：新增 ${job.rowsCreated}，更新 ${job.rowsUpdated}，未变 ${job.rowsUnchanged}，拒绝 ${job.rowsRejected}（用时 ${seconds} s）\n`,
  );
  if (job.rowsRejected > 0 && job.errorReportUrl) {
    const report = path.join(path.dirname(file), `${path.basename(file).replace(/\.(xlsx|csv|txt)$/i, '')}.errors.xlsx`);
    const r = await fetch(`${origin}${job.errorReportUrl}`, { headers: auth });
    if (r.ok && r.body) {
      fs.writeFileSync(report, Buffer.from(await r.arrayBuffer()));
      io.stdout.write(`  错误报告：${report}\n`);
    }
    for (const e of job.errors.slice(0, 10)) io.stdout.write(`  [${e.code}] ${e.message}\n`);
    if (job.rowsRejected > 10) io.stdout.write(`  ……共 ${job.rowsRejected} 行被拒绝，详见错误报告\n`);
    if (job.errorMessage) io.stdout.write(`  ${job.errorMessage}\n`);
    return EXIT.ROWS_REJECTED;
  }
  if (job.status !== 'succeeded') {
    io.stdout.write(`  [${job.errorCode}] ${job.errorMessage}\n`);
    return EXIT.FILE;
  }
  return EXIT.OK;
}
