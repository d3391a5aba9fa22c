/**
 * npm run import -- <kind> <file> [--school CODE] [--dry-run] [--partial] [--as-of YYYY-MM-DD] [--preview] [--map 列名=字段]… [--url URL] [--token TOKEN]
 * npm run import -- --kinds
 *
 * Uploads a school's file through the gateway, shows the job's progress, prints a summary, and exits
 * 0 when every row was imported (warnings or not), 1 when rows were rejected (the report is written
 * beside the file as <name>.errors.xlsx; a report left by an earlier run is removed when a run
 * succeeds without warnings), 2 when the file itself could not be imported (not a workbook, a
 * legacy .xls, no header, the wrong kind, refused by a limit, or the upload or the token refused).
 * `--preview` shows what the importer understood of the file and writes nothing; `--map` remembers
 * a school's own header for a column (applied to this and every later file of that school and kind).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { KINDS, kindSpec } from '../kinds';
import { KindSpec } from '../spec/kind-spec';
import { printPreview } from './preview-print';
import { progressLine } from './progress';
import { cliEnv, devToken, gatewayOrigin, tokenRefusal } from './settings';

interface Issue {
  message: string;
  code: string;
}

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
  rowsSubmitted?: number;
  submissions?: ReadonlyArray<{ service: string; kind: string; id: string }>;
  rowsRejected: number;
  rowsWarned: number;
  errorCode: string | null;
  errorMessage: string | null;
  errorReportUrl: string | null;
  errors: Issue[];
  warnings: Issue[];
}

type Refusal = { error?: { code: string; message: string } };

const EXIT = { OK: 0, ROWS_REJECTED: 1, FILE: 2 } as const;
const FINISHED = ['succeeded', 'failed', 'partially_succeeded'];
const USAGE = `用法：npm run import -- <类型> <文件> [--school 学校标识码] [--dry-run] [--partial] [--as-of YYYY-MM-DD] [--preview] [--map "列名=字段"] [--url http://localhost:4000] [--token 令牌]
       npm run import -- --undo <任务 id> [--dry-run] [--skip-conflicts]
      npm run import -- <类型> --map "主教学科=任教学科" [--school 学校标识码]   只记住列的对应关系
      npm run import -- --kinds                                               列出所有类型
类型：${KINDS.map((k) => k.kind).join('、')}（--kinds 列出中文名称）`;

/** Where the CLI reads its settings and writes its output (the process's, or a test's). */
export interface CliIO {
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: { write(s: string): unknown };
  readonly stderr: { write(s: string): unknown; isTTY?: boolean };
  /** the folder whose .env is read (default: the process's working folder) */
  readonly cwd?: string;
}

/** The kinds with their Chinese names and national sub-sets, one a line. */
function kindsList(): string {
  const width = Math.max(...KINDS.map((k) => k.kind.length));
  return `${KINDS.map((k) => `  ${k.kind.padEnd(width)}  ${k.title}${k.nationalSubset && k.nationalSubset !== k.title ? `（国家系统：${k.nationalSubset}）` : ''}`).join('\n')}\n`;
}

/** The report beside the file: <name>.errors.xlsx. */
const reportPath = (file: string) => path.join(path.dirname(file), `${path.basename(file).replace(/\.(xlsx|csv|txt)$/i, '')}.errors.xlsx`);

/**
 * Runs the import CLI and answers its exit code.
 * @example process.exit(await runImportCli(process.argv.slice(2), process))
 */
export async function runImportCli(argv: readonly string[], io: CliIO): Promise<number> {
  const err = (s: string) => io.stderr.write(`${s}\n`);
  const say = (s: string) => io.stdout.write(`${s}\n`);
  let args: ReturnType<typeof parse>;
  const parse = () =>
    parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        school: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        partial: { type: 'boolean', default: false },
        'as-of': { type: 'string' },
        undo: { type: 'string' },
        'skip-conflicts': { type: 'boolean', default: false },
        preview: { type: 'boolean', default: false },
        map: { type: 'string', multiple: true },
        kinds: { type: 'boolean', default: false },
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
  if (args.values.kinds) {
    io.stdout.write(`可导入的类型（npm run import -- <类型> <文件>）：\n${kindsList()}`);
    return EXIT.OK;
  }
  if (args.values.undo) return undo(args.values.undo, { dryRun: !!args.values['dry-run'], skipConflicts: !!args.values['skip-conflicts'] }, args.values, io);
  const [kind, file] = args.positionals;
  const maps = args.values.map ?? [];
  if (args.values.help || !kind || (!file && !maps.length)) {
    err(USAGE);
    return args.values.help ? EXIT.OK : EXIT.FILE;
  }
  const spec = kindSpec(kind);
  if (!spec) {
    err(`未知的导入类型“${kind}”。可导入的类型：\n${kindsList()}`);
    return EXIT.FILE;
  }
  if (file && (!fs.existsSync(file) || !fs.statSync(file).isFile())) {
    err(`找不到文件：${file}`);
    return EXIT.FILE;
  }
  const env = cliEnv(io.env, io.cwd);
  const { origin, from } = gatewayOrigin(args.values.url, env);
  let token: string;
  let tokenFrom: string;
  try {
    [token, tokenFrom] = args.values.token ? [args.values.token, '--token'] : env.IMPORT_TOKEN ? [env.IMPORT_TOKEN, 'IMPORT_TOKEN'] : [devToken(env), '开发密钥签发的区管理员令牌'];
  } catch (e) {
    err((e as Error).message);
    return EXIT.FILE;
  }
  const auth = { authorization: `Bearer ${token}` };
  const unreachable = (e: unknown) => {
    err(`无法连接网关 ${origin}（取自 ${from}）：${(e as Error).message}\n请确认平台已启动（npm start），或用 --url、IMPORT_URL、GATEWAY_PORT 指明网关地址`);
    return EXIT.FILE;
  };
  /** a refused request, said in Chinese with what to do */
  const refused = (status: number, body: Refusal, what: string) => {
    if (status === 401) err(tokenRefusal(body.error?.message, tokenFrom));
    else err(`${what}被拒绝（HTTP ${status}${body.error ? `，${body.error.code}` : ''}）：${body.error?.message ?? '未知原因'}`);
    const hint = hintFor(body.error?.code, spec, file);
    if (hint) err(hint);
    return EXIT.FILE;
  };

  for (const m of maps) {
    const code = await setMapping(m, spec, args.values.school, origin, auth, err, say).catch(unreachable);
    if (code !== EXIT.OK) return code;
  }
  if (!file) return EXIT.OK;

  const form = new FormData();
  form.set('kind', kind);
  if (args.values.school) form.set('school', args.values.school);
  if (args.values['dry-run']) form.set('dryRun', 'true');
  if (args.values.partial) form.set('partial', 'true');
  if (args.values['as-of']) form.set('asOf', args.values['as-of']);
  form.set('file', await fs.openAsBlob(file), path.basename(file));

  if (args.values.preview) {
    let res: Response;
    try {
      res = await fetch(`${origin}/imports/preview`, { method: 'POST', headers: auth, body: form });
    } catch (e) {
      return unreachable(e);
    }
    const body = (await res.json().catch(() => ({}))) as Refusal & Parameters<typeof printPreview>[0];
    if (res.status !== 200) return refused(res.status, body, '预览');
    return printPreview(body, spec, say) ? EXIT.OK : EXIT.ROWS_REJECTED;
  }

  const started = Date.now();
  let res: Response;
  try {
    res = await fetch(`${origin}/imports`, { method: 'POST', headers: auth, body: form });
  } catch (e) {
    return unreachable(e);
  }
  const accepted = (await res.json().catch(() => ({}))) as Partial<Job> & Refusal;
  if (res.status !== 202 || !accepted.id) return refused(res.status, accepted, '上传');
  err(`已上传 ${path.basename(file)}（${spec.title}），任务 ${accepted.id}`);

  let job: Job;
  const tty = io.stderr.isTTY === true;
  let lastLine = 0;
  for (;;) {
    await new Promise((r) => setTimeout(r, 400));
    const r = await fetch(`${origin}/imports/${accepted.id}?errors=20&warnings=20`, { headers: auth });
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
  say(
    `${job.status === 'succeeded' ? '导入完成' : job.status === 'partially_succeeded' ? '部分导入' : '导入失败'}${written}：${job.fileName}\n` +
      `  读取 ${job.rowsRead} 行：新增 ${job.rowsCreated}，更新 ${job.rowsUpdated}，未变 ${job.rowsUnchanged}，报送待审 ${job.rowsSubmitted ?? 0}，拒绝 ${job.rowsRejected}，警告 ${job.rowsWarned} 行（用时 ${seconds} s）` +
      (job.submissions ?? []).map((s) => `\n  已报送区教育局审核（待审核，审核通过后生效）：${s.kind} 报送单 ${s.id}（${s.service}）`).join(''),
  );
  const report = reportPath(file);
  if (job.errorReportUrl) {
    const r = await fetch(`${origin}${job.errorReportUrl}`, { headers: auth });
    if (r.ok && r.body) {
      fs.writeFileSync(report, Buffer.from(await r.arrayBuffer()));
      say(`  ${job.rowsRejected > 0 ? '错误报告' : '警告报告'}：${report}${job.rowsRejected > 0 ? '（改正标红的单元格后可直接导入该文件）' : ''}`);
    }
  } else if (job.status === 'succeeded' && fs.existsSync(report)) {
    // a report from an earlier run would now describe rows that are fine
    fs.rmSync(report, { force: true });
    say(`  已删除上次运行留下的错误报告 ${report}`);
  }
  for (const e of job.errors.slice(0, 10)) say(`  [${e.code}] ${e.message}`);
  if (job.rowsRejected > 10) say(`  ……共 ${job.rowsRejected} 行被拒绝，详见错误报告`);
  for (const w of job.warnings.slice(0, 10)) say(`  [警告 ${w.code}] ${w.message}`);
  if (job.rowsWarned > 10) say(`  ……共 ${job.rowsWarned} 行有警告，详见报告的“警告”工作表`);
  if (job.rowsRejected > 0) {
    if (job.errorMessage) say(`  ${job.errorMessage}`);
    return EXIT.ROWS_REJECTED;
  }
  if (job.status !== 'succeeded') {
    say(`  [${job.errorCode}] ${job.errorMessage}`);
    const hint = hintFor(job.errorCode ?? undefined, spec, file);
    if (hint) say(`  ${hint}`);
    return EXIT.FILE;
  }
  return EXIT.OK;
}

/** What to type next, for a refusal the CLI can help with. */
function hintFor(code: string | undefined, spec: KindSpec, file: string | undefined): string | undefined {
  const shown = file ? JSON.stringify(file) : '<文件>';
  if (code === 'SCHOOL_NOT_GIVEN') return `提示：这是一所学校的文件，请用 --school 指明学校，例如 npm run import -- ${spec.kind} ${shown} --school 4101020001`;
  if (code === 'HEADER_INCOMPLETE' || code === 'HEADER_NOT_FOUND') return `提示：用 npm run import -- ${spec.kind} ${shown} --preview 查看各列的对应；学校自己的列名可用 --map "列名=字段" 记住`;
  return undefined;
}

/** `--map 列名=字段` (字段 empty: forget the mapping; 忽略: ignore the column), through the gateway's GraphQL. */
async function setMapping(
  arg: string,
  spec: KindSpec,
  school: string | undefined,
  origin: string,
  auth: Record<string, string>,
  err: (s: string) => void,
  say: (s: string) => void,
): Promise<number> {
  const at = arg.lastIndexOf('=');
  if (at <= 0) {
    err(`--map 应写作 "列名=字段"，如 --map "主教学科=任教学科"；"列名=忽略" 忽略该列，"列名=" 取消：收到“${arg}”`);
    return EXIT.FILE;
  }
  const header = arg.slice(0, at).trim();
  const target = arg.slice(at + 1).trim();
  const gql = async <D>(query: string, variables: Record<string, unknown>) => {
    const r = await fetch(`${origin}/graphql`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    const body = (await r.json().catch(() => ({}))) as { data?: D; errors?: Array<{ message: string; extensions?: { code?: string } }> };
    return { status: r.status, body };
  };
  let schoolId: string | null = null;
  if (school) {
    const s = await gql<{ schools: { nodes: Array<{ id: string }> }; byName: { nodes: Array<{ id: string }> } }>(
      'query($s: [String!]!) { schools(first: 1, filter: { codes: $s }) { nodes { id } } byName: schools(first: 1, filter: { names: $s }) { nodes { id } } }',
      { s: [school] },
    );
    schoolId = s.body.data?.schools.nodes[0]?.id ?? s.body.data?.byName.nodes[0]?.id ?? null;
    if (!schoolId) {
      err(`找不到学校“${school}”：${s.body.errors?.[0]?.message ?? '请填写学校标识码或与系统中完全一致的学校全称'}`);
      return EXIT.FILE;
    }
  }
  const r = target
    ? await gql('mutation($input: ImportColumnMappingInput!) { setImportColumnMapping(input: $input) { header field } }', {
        input: { kind: spec.kind, schoolId, header, field: target === '忽略' ? null : target },
      })
    : await gql('mutation($kind: String!, $header: String!, $schoolId: ID) { removeImportColumnMapping(kind: $kind, header: $header, schoolId: $schoolId) }', { kind: spec.kind, header, schoolId });
  if (r.status === 401 || r.body.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED') {
    err(tokenRefusal(r.body.errors?.[0]?.message, '--token/IMPORT_TOKEN'));
    return EXIT.FILE;
  }
  if (r.body.errors?.length) {
    err(`无法记住列“${header}”的对应：${r.body.errors[0].message}`);
    return EXIT.FILE;
  }
  const field = target ? spec.columns.find((c) => c.key === (r.body.data as { setImportColumnMapping: { field: string | null } }).setImportColumnMapping.field) : undefined;
  say(target ? `已记住：${school ? `学校 ${school} 的` : ''}“${spec.title}”文件中“${header}”列${field ? `即“${field.header}”` : '忽略不读'}` : `已取消“${header}”列的对应`);
  return EXIT.OK;
}

/** `--undo <job id>`: undoes an import job through the gateway (a dry run with --dry-run), and says what it did. */
async function undo(
  jobId: string,
  o: { dryRun: boolean; skipConflicts: boolean },
  values: { url?: string; token?: string },
  io: CliIO,
): Promise<number> {
  const err = (s: string) => io.stderr.write(`${s}\n`);
  const say = (s: string) => io.stdout.write(`${s}\n`);
  const env = cliEnv(io.env, io.cwd);
  const { origin, from } = gatewayOrigin(values.url, env);
  let token: string;
  try {
    token = values.token ?? env.IMPORT_TOKEN ?? devToken(env);
  } catch (e) {
    err((e as Error).message);
    return EXIT.FILE;
  }
  let res: Response;
  try {
    const query = `?dryRun=${o.dryRun ? 1 : 0}&skipConflicts=${o.skipConflicts ? 1 : 0}`;
    res = await fetch(`${origin}/imports/${encodeURIComponent(jobId)}/undo${query}`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  } catch (e) {
    err(`无法连接网关 ${origin}（取自 ${from}）：${(e as Error).message}`);
    return EXIT.FILE;
  }
  const body = (await res.json().catch(() => ({}))) as {
    refused?: boolean;
    services?: Array<{ service: string; undone: number; conflicts: number; items: Array<{ entity: string; recordId: string; action: string; conflict: boolean }> }>;
    error?: { code: string; message: string };
  };
  if (!body.services) {
    err(`撤销导入被拒绝（HTTP ${res.status}${body.error ? `，${body.error.code}` : ''}）：${body.error?.message ?? '未知原因'}`);
    return EXIT.FILE;
  }
  for (const s of body.services) {
    say(`${s.service}：${o.dryRun ? '将撤销' : '已撤销'} ${s.undone} 条，冲突 ${s.conflicts} 条`);
    for (const i of s.items.filter((x) => x.conflict).slice(0, 20)) say(`  冲突：${i.entity} ${i.recordId}（导入后又被修改）`);
  }
  if (body.refused) {
    err(`导入任务 ${jobId} 写入的记录此后又被修改，未撤销任何数据；加 --skip-conflicts 可跳过这些记录`);
    return EXIT.ROWS_REJECTED;
  }
  return EXIT.OK;
}
