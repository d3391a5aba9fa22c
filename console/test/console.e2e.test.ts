/**
 * The console end to end: Debian's Chromium, headless, driven by playwright-core, against the real
 * platform processes (every subgraph, the importer and the gateway, as `npm start` runs them) on a
 * small seeded district, the browser's clock pinned. Any request to a host other than this machine
 * fails the test. Each page is photographed at 1280×800 and at 390 px wide into console/screenshots/
 * (CI artefacts), and the dashboard's load is measured (time to figures, compressed JavaScript).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { ensureConsoleBuilt } from '@tw/console';
import { teachersKind, writeKindXlsx } from '@tw/importer';
import { IsolatedPlatform, launchIsolatedPlatform } from '@tw/kernel/launcher';
import { caller } from '@tw/test';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { formatCount, formatPercent, formatYuan } from '../src/lib/format';
import { cardGap } from '../src/lib/gaps';
import { BROWSER_CLOCK, REPORT_YEAR, seedDistrict, teacherRow, type SeededDistrict } from './e2e-district';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
export const SCREENSHOTS = path.resolve(__dirname, '../screenshots');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

const ROLE_LABEL = { DISTRICT_ADMIN: '区教育局管理员', SCHOOL_ADMIN: '学校管理员（填报员）', TEACHER: '教师', ANALYST: '数据分析员' } as const;

let p: IsolatedPlatform;
let origin: string;
let district: SeededDistrict;
const admin = { subject: 'e2e-admin', role: 'DISTRICT_ADMIN' as const };
const metrics: Record<string, unknown> = {};
const openContexts = new Set<BrowserContext>();
const profiles = new Map<BrowserContext, string>();

interface Browser {
  readonly context: BrowserContext;
  readonly page: Page;
  /** requests that tried to leave this machine (each was aborted) */
  readonly offsite: string[];
  /** errors thrown in the page */
  readonly errors: string[];
}

/** A fresh Chromium profile with the clock pinned and every request to another host refused and recorded. */
async function browser(viewport: { width: number; height: number }): Promise<Browser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-chromium-'));
  const phone = viewport.width < 500;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport,
    isMobile: phone,
    hasTouch: phone,
    deviceScaleFactor: 1,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  });
  openContexts.add(context);
  profiles.set(context, profile);
  const offsite: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || LOCAL_HOSTS.has(url.hostname)) return route.continue();
    offsite.push(url.href);
    return route.abort('blockedbyclient');
  });
  // the browser's clock starts at the pinned moment and runs on from there (a frozen clock would also
  // freeze the charts' animations)
  await context.clock.install({ time: BROWSER_CLOCK });
  await context.clock.resume();
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, offsite, errors };
}

async function closeBrowser(b: Browser): Promise<void> {
  openContexts.delete(b.context);
  await b.context.close();
  fs.rmSync(profiles.get(b.context)!, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  // no page of the console reaches beyond this machine, and none throws
  expect(b.offsite).toEqual([]);
  expect(b.errors).toEqual([]);
}

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The page fits the screen's width: whatever is wider (a table) scrolls inside itself. */
async function expectNoSideways(page: Page): Promise<void> {
  // (page code as text: this file is type-checked without the DOM's types)
  const [scroll, inner] = (await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]')) as [number, number];
  expect(scroll).toBeLessThanOrEqual(inner + 1);
}

/** A table of the page is there and the page has loaded what it shows (no spinner left on it). */
async function loaded(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).waitFor();
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
}

/** Signs in through the development role picker, as a person would. */
async function signInWithPicker(page: Page, role: keyof typeof ROLE_LABEL, schoolName?: string): Promise<void> {
  await page.goto(`${origin}/console/signin`);
  await page.getByText(ROLE_LABEL[role], { exact: true }).click();
  if (schoolName) {
    await page.locator('#signin-school').click();
    await page.locator('#signin-school').fill(schoolName.slice(0, 4));
    await page.locator('.ant-select-item-option', { hasText: schoolName }).click();
  }
  // (Ant Design writes a two-character label as 登 录)
  await page.getByRole('button', { name: /^登\s?录$/ }).click();
  await page.getByTestId('role').filter({ hasText: ROLE_LABEL[role] }).waitFor();
}

/** Signs in with a token the gateway's development route signs (for scenarios about a page, not sign-in). */
async function signInWithToken(page: Page, principal: { role: string; school?: string; teacher?: string }): Promise<void> {
  const r = await page.request.post(`${origin}/console/dev-token`, { data: principal });
  expect(r.status()).toBe(200);
  const { token } = (await r.json()) as { token: string };
  await page.goto(`${origin}/console/signin`);
  await page.evaluate(`localStorage.setItem('tw.console.token', ${JSON.stringify(token)})`);
}

const gql = <D>(query: string, variables?: Record<string, unknown>, principal: Parameters<IsolatedPlatform['token']>[0] = admin) =>
  caller(p.gatewayUrl, p.token(principal))<D>(query, variables).then((r) => {
    if (r.errors?.length) throw new Error(r.text);
    return r.data!;
  });

beforeAll(async () => {
  ensureConsoleBuilt();
  p = await launchIsolatedPlatform();
  origin = new URL(p.gatewayUrl).origin;
  district = await seedDistrict(p.gatewayUrl, p.token(admin));
}, 15 * 60_000);

afterAll(async () => {
  for (const c of openContexts) await c.close().catch(() => undefined);
  if (Object.keys(metrics).length) {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    fs.writeFileSync(path.join(SCREENSHOTS, 'metrics.json'), `${JSON.stringify(metrics, null, 2)}\n`);
    process.stdout.write(`console metrics: ${JSON.stringify(metrics)}\n`);
  }
  await p?.stop();
}, 60_000);

describe('the console in Chromium, against the platform’s processes', () => {
  it('serves the console and the IDE from its own origin, hashed assets cached for good, pages under a CSP of this origin only', async () => {
    const page = await fetch(`${origin}/console/imports`, { headers: { accept: 'text/html', 'accept-encoding': 'br' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    const html = await page.text();
    const script = /src="(\/console\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${origin}${script}`, { headers: { 'accept-encoding': 'br' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-encoding')).toBe('br');
    // a browser asking /graphql for a page gets the bundled IDE; a client asking for data still gets GraphQL
    const ide = await fetch(`${origin}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(ide.status).toBe(200);
    expect(await ide.text()).toContain('GraphQL IDE');
    expect(ide.headers.get('content-security-policy')).toBe(csp);
    const data = await fetch(`${origin}/graphql`, { method: 'POST', headers: { accept: 'text/html, application/json', 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(await data.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('lets a clerk upload a roster with one bad row, see the error, download errors.xlsx, fix the row and import it', async () => {
    const school = district.schools.find((s) => s.code === '4101020001')!;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-e2e-roster-'));
    // three new teachers, as the school keeps them (no school column: the clerk's token names the school)
    const rows = [100, 101, 102].map((i) => teacherRow(i));
    const bad = { ...rows[1], idNumber: `${String(rows[1].idNumber).slice(0, 17)}${String(rows[1].idNumber).endsWith('0') ? '1' : '0'}` };
    const columns = teachersKind.columns.map((c) => c.key).filter((k) => k !== 'schoolCode' && k !== 'schoolName');
    const badFile = path.join(dir, '一小花名册.xlsx');
    await writeKindXlsx(teachersKind, [rows[0], bad, rows[2]], badFile, { columns, title: `${school.name}${REPORT_YEAR}年教职工基本信息表` });

    const b = await browser(DESKTOP);
    const { page } = b;
    await signInWithPicker(page, 'SCHOOL_ADMIN', school.name);
    await shot(page, 'import-centre-desktop');
    // the school's first page is the import centre, the roster preselected by its Chinese name
    await page.getByTestId('kind-select').getByText('教职工基本信息').waitFor();
    await page.locator('input[type=file]').setInputFiles(badFile);
    await page.getByText('已选择：一小花名册.xlsx').waitFor();
    await page.getByTestId('import').click();
    await page.getByTestId('import-status').filter({ hasText: '未导入' }).waitFor({ timeout: 60_000 });

    // the table shows what the API says about the bad row: row, column, value, message
    const job = await gql<{ importJobs: { nodes: Array<{ id: string; rowsRejected: number; errors: Array<{ row: number; column: string; value: string; message: string }> }> } }>(
      '{ importJobs(first: 1) { nodes { id rowsRejected errors { row column value message } } } }',
    );
    const [issue] = job.importJobs.nodes[0].errors;
    expect(job.importJobs.nodes[0].rowsRejected).toBe(1);
    expect(issue.value).toBe(bad.idNumber);
    const table = page.getByTestId('rejected-rows');
    const firstRow = table.locator('tbody tr.ant-table-row').first();
    await expect(firstRow.locator('td').nth(0).innerText()).resolves.toBe(String(issue.row));
    await expect(firstRow.locator('td').nth(1).innerText()).resolves.toBe(issue.column);
    await expect(firstRow.locator('td').nth(2).innerText()).resolves.toBe(issue.value);
    await expect(firstRow.locator('td').nth(3).innerText()).resolves.toBe(issue.message);
    await shot(page, 'import-result-desktop');

    // errors.xlsx: the rejected row with the message beside it
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('errors-xlsx').click()]);
    expect(download.suggestedFilename()).toBe('一小花名册.errors.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    const cells = wb.worksheets[0].getSheetValues().flat().map((v) => String(v ?? ''));
    expect(cells).toContain(bad.idNumber);
    expect(cells.some((c) => c.includes(issue.message))).toBe(true);

    // fixed, the same file imports
    const fixedFile = path.join(dir, '一小花名册（改）.xlsx');
    await writeKindXlsx(teachersKind, rows, fixedFile, { columns, title: `${school.name}${REPORT_YEAR}年教职工基本信息表` });
    await page.locator('input[type=file]').setInputFiles(fixedFile);
    await page.getByTestId('import').click();
    await page.getByTestId('import-status').filter({ hasText: '成功' }).waitFor({ timeout: 60_000 });
    // a school's roster waits for the bureau (issue 15): the job names its submission, and the bureau approves it
    await page.getByTestId('import-submitted').waitFor();
    await expect(page.getByTestId('import-submitted').innerText()).resolves.toContain(`已报送区教育局审核：${rows.length} 行待审核`);
    const sent = await gql<{ importJobs: { nodes: Array<{ submissions: Array<{ id: string }> }> } }>('{ importJobs(first: 100) { nodes { submissions { id } } } }');
    const [submission] = sent.importJobs.nodes.flatMap((n) => n.submissions);
    const approved = await gql<{ approvePersonnelSubmission: { status: string } }>(`mutation { approvePersonnelSubmission(id: "${submission.id}") { status } }`);
    expect(approved.approvePersonnelSubmission.status).toBe('APPROVED');
    const names = await gql<{ teachers: { nodes: Array<{ name: string; idNumber: string }> } }>('query($s: ID!) { teachers(first: 100, filter: { schoolId: $s }) { nodes { name idNumber } } }', { s: school.id });
    for (const r of rows) expect(names.teachers.nodes.map((t) => t.idNumber)).toContain(r.idNumber);
    // the school's history lists both jobs, newest first
    await expect(page.getByTestId('import-history').locator('tbody tr.ant-table-row').count()).resolves.toBe(2);
    await shot(page, 'import-done-desktop');
    await closeBrowser(b);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 5 * 60_000);

  it('previews a school’s file before anything is written, and remembers the column the clerk maps', async () => {
    const school = district.schools.find((s) => s.code === '4101020001')!;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-e2e-preview-'));
    const columns = teachersKind.columns.map((c) => c.key).filter((k) => k !== 'schoolCode' && k !== 'schoolName');
    const file = path.join(dir, '一小花名册（本校表头）.xlsx');
    await writeKindXlsx(teachersKind, [teacherRow(200), teacherRow(201)], file, { columns, title: `${school.name}${REPORT_YEAR}年教职工基本信息表` });
    // the school titles 教职工号 its own way, which no synonym knows (a roster keeps such a column with the record)
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.worksheets[0];
    let renamed = false;
    for (const n of [1, 2, 3]) sheet.getRow(n).eachCell((c) => {
      if (String(c.value ?? '').replace(/^\*/, '') === '教职工号') {
        c.value = '本校人事编号';
        renamed = true;
      }
    });
    expect(renamed).toBe(true);
    await wb.xlsx.writeFile(file);

    const b = await browser(DESKTOP);
    const { page } = b;
    await signInWithPicker(page, 'SCHOOL_ADMIN', school.name);
    await page.getByTestId('kind-select').getByText('教职工基本信息').waitFor();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('preview').click();
    const preview = page.getByTestId('import-preview');
    await preview.waitFor({ timeout: 60_000 });
    await shot(page, 'import-preview-desktop');
    const own = page.getByTestId('preview-columns').locator('tbody tr.ant-table-row').filter({ hasText: '本校人事编号' });
    await expect(own.count()).resolves.toBe(1);
    await expect(own.getByText('随记录保留').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('preview-rows').locator('tbody tr.ant-table-row').count()).resolves.toBe(2);

    // the clerk maps it to 教职工号: remembered for the school, and the preview reads it so at once
    await own.locator('.ant-select').click();
    await page.keyboard.type('教职工号');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^教职工号$/ }).click();
    await own.getByText('本校设定的对应').waitFor({ timeout: 30_000 });
    const mappings = await gql<{ importColumnMappings: Array<{ header: string; field: string | null }> }>('query($s: ID) { importColumnMappings(kind: "teachers", schoolId: $s) { header field } }', { s: school.id });
    expect(mappings.importColumnMappings).toEqual([{ header: '本校人事编号', field: 'staffNo' }]);
    await shot(page, 'import-preview-mapped-desktop');
    // nothing was written by the preview
    const found = await gql<{ teacherByIdNumber: unknown }>('query($n: String!) { teacherByIdNumber(idNumber: $n) { id } }', { n: String(teacherRow(200).idNumber) });
    expect(found.teacherByIdNumber).toBeNull();
    await closeBrowser(b);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 5 * 60_000);

  it('keeps an analyst away from a teacher’s page: no menu entry, and the address alone shows no record', async () => {
    const teacher = district.teachers[0];
    const b = await browser(DESKTOP);
    const { page } = b;
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/graphql') && r.method() === 'POST') asked.push(r.postData() ?? '');
    });
    await signInWithPicker(page, 'ANALYST');
    await page.getByTestId('figure-teacherCount').waitFor({ timeout: 30_000 });
    await expect(page.getByRole('menuitem', { name: /教师查询|教师档案/ }).count()).resolves.toBe(0);
    await page.goto(`${origin}/console/teachers/${teacher.id}`);
    await page.getByText('无权访问').waitFor();
    await expect(page.getByText(teacher.name).count()).resolves.toBe(0);
    expect(asked.filter((q) => q.includes('TeacherRecord'))).toEqual([]);
    await shot(page, 'analyst-forbidden-desktop');
    await closeBrowser(b);
  }, 3 * 60_000);

  it('runs a query in the GraphQL IDE with the signed-in token and no request beyond this machine', async () => {
    const b = await browser(DESKTOP);
    const { page } = b;
    await signInWithPicker(page, 'DISTRICT_ADMIN');
    await page.goto(`${origin}/graphql`);
    // the editors load after the frame: run once the query is in the editor
    await page.locator('.graphiql-query-editor .CodeMirror-code').getByText('districtReport').waitFor({ timeout: 30_000 });
    await page.locator('.graphiql-execute-button').click();
    const expected = await gql<{ districtReport: { teacherCount: number } }>('query($y: Int!) { districtReport(year: $y) { teacherCount } }', { y: REPORT_YEAR });
    // the default query asks this year's figures (the browser's pinned clock); the answer is the API's
    await page.locator('.result-window').getByText(`"teacherCount": ${expected.districtReport.teacherCount}`).waitFor({ timeout: 30_000 });
    await shot(page, 'graphql-ide-desktop');
    await closeBrowser(b);
  }, 3 * 60_000);

  it('shows the district’s figures for the year on the dashboard, its trends, the school comparison and the export', async () => {
    const asked = Date.now();
    const report = await gql<{ districtReport: { teacherCount: number; trainingPersonTimes: number; designatedShareOfPublicTeachers: number | null } }>(
      'query($y: Int!) { districtReport(year: $y) { teacherCount trainingPersonTimes designatedShareOfPublicTeachers } }',
      { y: REPORT_YEAR },
    );
    metrics.districtReportApiMs = Date.now() - asked;
    const b = await browser(DESKTOP);
    const { page } = b;
    await signInWithToken(page, { role: 'DISTRICT_ADMIN' });
    // first load of the console's JavaScript, compressed, on a cold profile: every script until the figures show
    const scripts: Array<Promise<number>> = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.push(r.request().sizes().then((s) => s.responseBodySize));
    });
    const started = Date.now();
    await page.goto(`${origin}/console/dashboard`);
    const card = page.getByTestId('figure-teacherCount');
    await card.getByText(formatCount(report.districtReport.teacherCount), { exact: true }).waitFor({ timeout: 30_000 });
    metrics.dashboardFiguresShownMs = Date.now() - started;
    metrics.dashboardJsCompressedBytes = (await Promise.all(scripts)).reduce((a, n) => a + n, 0);
    metrics.dashboardScripts = scripts.length;
    await page.getByTestId('figure-trainingPersonTimes').getByText(formatCount(report.districtReport.trainingPersonTimes), { exact: true }).waitFor();
    await page.getByTestId('figure-designatedShareOfPublicTeachers').getByText(formatPercent(report.districtReport.designatedShareOfPublicTeachers), { exact: true }).waitFor();
    // the trend charts draw (ECharts, loaded on its own)
    await page.locator('[aria-label="教师与培训趋势图"] canvas').waitFor();

    // data gaps: a figure counted from a kind some schools sent none of says so, as the API names them
    const gaps = await gql<{ districtReport: { dataGaps: Array<{ kind: string; kindTitle: string; schools: Array<{ id: string; code: string; name: string }> }> } }>(
      'query($y: Int!) { districtReport(year: $y) { dataGaps { kind kindTitle schools { id code name } } } }',
      { y: REPORT_YEAR },
    );
    for (const [field, kinds] of [['trainingPersonTimes', ['trainings']], ['ethicsVetoedTeachers', ['ethics']], ['averageTeacherPay', ['pay']]] as const) {
      const expected = cardGap(kinds, gaps.districtReport.dataGaps)?.summary;
      const tag = page.getByTestId(`gap-${field}`);
      if (expected) await expect(tag.innerText()).resolves.toBe(expected);
      else await expect(tag.count()).resolves.toBe(0);
    }
    // the data-quality view, a page of schools
    const quality = await gql<{ dataQuality: { totalCount: number } }>('query($y: Int!) { dataQuality(year: $y, first: 1) { totalCount } }', { y: REPORT_YEAR });
    await page.getByTestId('data-quality').locator('tbody tr.ant-table-row').first().waitFor();
    await expect(page.getByTestId('data-quality').locator('tbody tr.ant-table-row').count()).resolves.toBe(Math.min(10, quality.dataQuality.totalCount));

    // the comparison, ordered by the API: the school with most teachers first when sorted by 在职教师数
    const byCount = await gql<{ schoolComparison: { nodes: Array<{ school: { name: string } }> } }>(
      'query($y: Int!) { schoolComparison(year: $y, orderBy: TEACHER_COUNT, direction: DESC, first: 10) { nodes { school { name } } } }',
      { y: REPORT_YEAR },
    );
    const table = page.getByTestId('school-comparison');
    await expect(table.locator('tbody tr.ant-table-row').first().locator('td').first().innerText()).resolves.toBe(byCount.schoolComparison.nodes[0].school.name);
    await table.locator('th', { hasText: '在职教师数' }).click();
    await table.locator('tbody tr.ant-table-row').first().locator('td').first().getByText(byCount.schoolComparison.nodes.at(-1)!.school.name).waitFor();
    // the picture without the header's tooltip, after the bars' animation
    await page.mouse.move(0, 0);
    await page.waitForTimeout(1500);
    await shot(page, 'dashboard-desktop');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
    expect(download.suggestedFilename()).toBe(`${REPORT_YEAR}年度教师队伍建设报表.xlsx`);
    expect(fs.statSync((await download.path())!).size).toBeGreaterThan(1000);
    await closeBrowser(b);
  }, 3 * 60_000);

  it('lets the district admin freeze the year’s figures, shows the corrections made since, and unfreeze with a reason', async () => {
    const b = await browser(DESKTOP);
    const { page } = b;
    await signInWithToken(page, { role: 'DISTRICT_ADMIN' });
    await page.goto(`${origin}/console/dashboard`);
    await page.getByTestId('freeze').click();
    await page.getByRole('button', { name: /^冻\s?结$/ }).click();
    await page.getByTestId('frozen-tag').getByText(/^正式数据 · \d{4}-\d\d-\d\d \d\d:\d\d 由 .+ 冻结$/).waitFor();
    // a correction after the freeze: the civil servants' pay of the year entered again
    const benchmark = (pay: string) =>
      gql('mutation($rows: [CivilServantBenchmarkInput!]!) { upsertCivilServantBenchmarks(rows: $rows) { rejected } }', { rows: [{ year: REPORT_YEAR, averageAnnualPay: pay }] });
    const before = await gql<{ districtReport: { civilServantAveragePay: string } }>('query($y: Int!) { districtReport(year: $y) { civilServantAveragePay } }', { y: REPORT_YEAR });
    await benchmark('123456.00');
    await page.reload();
    const revisions = page.getByTestId('revisions');
    await revisions.getByText('当地公务员年平均工资').waitFor();
    await revisions.getByText('123,456.00').waitFor();
    // the card still shows the frozen (official) value
    await page.getByTestId('figure-civilServantAveragePay').getByText(formatYuan(before.districtReport.civilServantAveragePay), { exact: true }).waitFor();
    await page.mouse.move(0, 0);
    await page.waitForTimeout(1500);
    await shot(page, 'dashboard-frozen');
    // unfreezing asks for the reason first
    await page.getByTestId('unfreeze').click();
    const ok = page.getByRole('button', { name: '解除冻结', exact: true }).last();
    await expect(ok.isDisabled()).resolves.toBe(true);
    await page.getByTestId('unfreeze-reason').fill('更正 2025 年公务员平均工资');
    await ok.click();
    await page.getByTestId('freeze').waitFor();
    await expect(page.getByTestId('frozen-tag').count()).resolves.toBe(0);
    await benchmark(before.districtReport.civilServantAveragePay);
    await closeBrowser(b);
  }, 3 * 60_000);

  it('finds teachers by name and school and opens a record from the four services, ID numbers as the API gives them', async () => {
    const b = await browser(DESKTOP);
    const { page } = b;
    await signInWithToken(page, { role: 'DISTRICT_ADMIN' });
    await page.goto(`${origin}/console/teachers`);
    await page.getByTestId('name-filter').fill('王');
    await page.getByTestId('search').click();
    const api = await gql<{ teachers: { totalCount: number; nodes: Array<{ id: string; name: string; idNumber: string }> } }>(
      '{ teachers(first: 20, filter: { namePrefix: "王", status: [IN_SERVICE, NOT_AT_POST] }) { totalCount nodes { id name idNumber } } }',
    );
    expect(api.teachers.totalCount).toBeGreaterThan(0);
    await page.getByTestId('cursor-pager').getByText(`共 ${api.teachers.totalCount} 条`).waitFor();
    await shot(page, 'teachers-desktop');
    await page.getByRole('link', { name: api.teachers.nodes[0].name }).first().click();
    const record = page.getByTestId('teacher-record');
    await record.getByText(api.teachers.nodes[0].idNumber, { exact: true }).waitFor();
    // the four services' sections, each under its own heading (the timeline below names services too)
    for (const section of ['人事', '教师发展', '待遇保障', '教育治理']) await record.getByTestId('record-section').getByText(section, { exact: true }).waitFor();
    // the timeline: as many entries as the API's first page holds, newest first
    const timeline = await gql<{ teacherTimeline: { entries: Array<{ date: string }> } }>('query($t: ID!) { teacherTimeline(teacherId: $t, first: 20) { entries { date } } }', { t: api.teachers.nodes[0].id });
    expect(timeline.teacherTimeline.entries.length).toBeGreaterThan(0);
    const items = page.getByTestId('teacher-timeline').locator('.ant-timeline-item');
    await items.first().waitFor();
    await expect(items.count()).resolves.toBe(timeline.teacherTimeline.entries.length);
    await expect(items.first().innerText()).resolves.toContain(timeline.teacherTimeline.entries[0].date);
    await shot(page, 'teacher-record-desktop');
    await closeBrowser(b);

    // a teacher reads their own record with the number masked, exactly as the API masks it for them
    const me = district.teachers[3];
    const masked = await gql<{ teacher: { idNumber: string } }>('query($id: ID!) { teacher(id: $id) { idNumber } }', { id: me.id }, { subject: 't', role: 'TEACHER', teacherId: me.id });
    expect(masked.teacher.idNumber).toContain('*');
    const t = await browser(DESKTOP);
    await signInWithToken(t.page, { role: 'TEACHER', teacher: me.id });
    await t.page.goto(`${origin}/console/`);
    await t.page.getByRole('menuitem', { name: '我的档案' }).click();
    const shown = t.page.getByTestId('teacher-record').locator('[data-masked]');
    await shown.first().waitFor();
    await expect(shown.first().innerText()).resolves.toBe(masked.teacher.idNumber);
    await expect(shown.first().getAttribute('data-masked')).resolves.toBe('true');
    await closeBrowser(t);
  }, 3 * 60_000);

  it('holds a clerk’s new teacher for review, shows it as 待审核 to the school, and the bureau approves it in 审核: the record and the figure show it', async () => {
    const school = district.schools.find((s) => s.code === '4101020002')!;
    const clerk = { subject: 'e2e-clerk-2', role: 'SCHOOL_ADMIN' as const, schoolId: school.id };
    const row = teacherRow(90, school.code);
    const count = () => gql<{ districtReport: { teacherCount: number } }>('{ districtReport(year: 2026) { teacherCount } }').then((d) => d.districtReport.teacherCount);
    const findByName = () => gql<{ teachers: { totalCount: number; nodes: Array<{ id: string }> } }>('query($n: String!) { teachers(first: 5, filter: { namePrefix: $n }) { totalCount nodes { id } } }', { n: row.name });
    const before = await count();
    // the clerk's write: a new teacher is held (issue 15), nothing written
    const sent = await gql<{ upsertTeachers: { created: number; submitted: number; submission: { id: string; status: string } } }>(
      'mutation($rows: [TeacherInput!]!) { upsertTeachers(rows: $rows) { created submitted submission { id status } } }',
      { rows: [row] },
      clerk,
    );
    expect(sent.upsertTeachers).toMatchObject({ created: 0, submitted: 1, submission: { status: 'PENDING' } });
    await expect(findByName().then((d) => d.teachers.totalCount)).resolves.toBe(0);
    await expect(count()).resolves.toBe(before);

    // the school sees it pending in 我的报送, with the row it sent
    const s = await browser(DESKTOP);
    await signInWithToken(s.page, { role: 'SCHOOL_ADMIN', school: school.id });
    await s.page.goto(`${origin}/console/`);
    await s.page.getByRole('menuitem', { name: '我的报送' }).click();
    const mine = s.page.getByTestId('submissions-table').locator('tbody tr.ant-table-row');
    await mine.first().waitFor();
    await expect(mine.count()).resolves.toBe(1);
    await expect(mine.first().innerText()).resolves.toContain('待审核');
    await mine.first().getByRole('button', { name: '教师基本信息' }).click();
    await s.page.getByTestId('submission-rows').getByText(String(row.name)).first().waitFor();
    await s.page.getByTestId('withdraw').waitFor();
    await shot(s.page, 'my-submissions-desktop');
    await closeBrowser(s);

    // the bureau: 审核 in its menu, the school's count, the row's before/after, approve all
    const b = await browser(DESKTOP);
    const { page } = b;
    await signInWithToken(page, { role: 'DISTRICT_ADMIN' });
    await page.goto(`${origin}/console/`);
    await page.getByRole('menuitem', { name: '审核' }).click();
    await page.getByTestId('pending-counts').getByText(school.name).waitFor();
    const queue = page.getByTestId('review-table').locator('tbody tr.ant-table-row');
    await queue.filter({ hasText: school.name }).first().waitFor();
    await expect(queue.count()).resolves.toBe(1);
    await shot(page, 'review-desktop');
    await queue.first().getByTestId('open-submission').click();
    const detail = page.getByTestId('submission-detail');
    await detail.getByTestId('submission-status').filter({ hasText: '待审核' }).waitFor();
    await detail.getByTestId('row-changes').getByText(String(row.name)).first().waitFor();
    await shot(page, 'review-submission-desktop');
    // a return needs a reason: the button alone sends nothing
    await detail.getByTestId('return').click();
    await page.getByTestId('return-confirm').click();
    await page.getByText('请填写退回原因').waitFor();
    await page.getByRole('button', { name: /^取\s?消$/ }).click();
    await detail.getByTestId('approve-all').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /^通\s?过$/ }).click();
    await detail.getByTestId('submission-status').filter({ hasText: '已通过' }).waitFor();
    // the queue refreshes: nothing waits
    await page.getByTestId('review-table').getByText('没有待审核的报送').waitFor();
    await shot(page, 'review-approved-desktop');
    await page.keyboard.press('Escape');
    await page.getByTestId('pending-counts').getByText('没有待审核的报送').waitFor();

    // what counts now has the teacher: the record through the console, the figure through the API
    await page.getByRole('menuitem', { name: '教师查询' }).click();
    await page.getByTestId('name-filter').fill(String(row.name));
    await page.getByTestId('search').click();
    await page.getByRole('link', { name: String(row.name), exact: true }).click();
    await page.getByTestId('teacher-record').getByText(String(row.idNumber), { exact: true }).waitFor();
    await expect(findByName().then((d) => d.teachers.totalCount)).resolves.toBe(1);
    await expect(count()).resolves.toBe(before + 1);
    await closeBrowser(b);
  }, 4 * 60_000);

  it('fits every page on a 390-px-wide phone', async () => {
    const teacher = district.teachers[0];
    const school = district.schools[0];
    const tour: Array<{ name: string; as: { role: string; school?: string; teacher?: string }; path: string; ready: (page: Page) => Promise<unknown> }> = [
      { name: 'signin', as: { role: 'DISTRICT_ADMIN' }, path: '/console/signin', ready: (pg) => pg.getByText('开发环境登录').waitFor() },
      { name: 'dashboard', as: { role: 'DISTRICT_ADMIN' }, path: '/console/dashboard', ready: (pg) => pg.locator('[aria-label="教师与培训趋势图"] canvas').waitFor() },
      { name: 'import-centre', as: { role: 'SCHOOL_ADMIN', school: school.id }, path: '/console/imports', ready: (pg) => pg.getByTestId('kind-select').getByText('教职工基本信息').waitFor() },
      { name: 'review', as: { role: 'DISTRICT_ADMIN' }, path: '/console/review', ready: (pg) => loaded(pg, 'review-table') },
      { name: 'my-submissions', as: { role: 'SCHOOL_ADMIN', school: school.id }, path: '/console/submissions', ready: (pg) => loaded(pg, 'submissions-table') },
      { name: 'teachers', as: { role: 'DISTRICT_ADMIN' }, path: '/console/teachers', ready: (pg) => pg.getByTestId('teachers-table').locator('tbody tr.ant-table-row').first().waitFor() },
      { name: 'teacher-record', as: { role: 'DISTRICT_ADMIN' }, path: `/console/teachers/${teacher.id}`, ready: (pg) => pg.getByTestId('teacher-record').waitFor() },
      { name: 'analyst-forbidden', as: { role: 'ANALYST' }, path: `/console/teachers/${teacher.id}`, ready: (pg) => pg.getByText('无权访问').waitFor() },
      { name: 'graphql-ide', as: { role: 'DISTRICT_ADMIN' }, path: '/graphql', ready: (pg) => pg.locator('.graphiql-query-editor .CodeMirror-code').getByText('districtReport').waitFor() },
    ];
    for (const stop of tour) {
      const b = await browser(PHONE);
      if (stop.name !== 'signin') await signInWithToken(b.page, stop.as);
      await b.page.goto(`${origin}${stop.path}`);
      await stop.ready(b.page);
      await expectNoSideways(b.page);
      await shot(b.page, `${stop.name}-phone`);
      await closeBrowser(b);
    }
    // the sign-in page at the desktop size too, and what its first load costs: the JavaScript every visitor loads
    const d = await browser(DESKTOP);
    const scripts: Array<Promise<number>> = [];
    d.page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.push(r.request().sizes().then((x) => x.responseBodySize));
    });
    await d.page.goto(`${origin}/console/signin`);
    await d.page.getByText('开发环境登录').waitFor();
    await d.page.waitForLoadState('networkidle');
    metrics.firstLoadJsCompressedBytes = (await Promise.all(scripts)).reduce((a, n) => a + n, 0);
    await shot(d.page, 'signin-desktop');
    await closeBrowser(d);
  }, 6 * 60_000);
});
