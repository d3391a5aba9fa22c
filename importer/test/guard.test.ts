/**
 * Hostile files: every check the importer makes before ExcelJS (with its open DoS advisories) sees
 * a file, each refusal a clear message; and through the platform, a refusal writes nothing.
 */
import fs from 'node:fs';
import { DEFAULT_FILE_LIMITS, FileLimits, guardXlsx, openSource, teachersKind, writeKindXlsx } from '@tw/importer';
import { testDatabaseKinds } from '@tw/kernel/testing';
import { teacherInputs } from './fixtures';
import { ADMIN, startImportPlatform, tempFolder } from './harness';
import { buildZip, sheetXml, workbookParts, ZipPart } from './zip';

const tmp = tempFolder('imp-guard');
afterAll(() => tmp.remove());

const MB = 1024 * 1024;
const small: FileLimits = { ...DEFAULT_FILE_LIMITS, maxUncompressedBytes: 8 * MB, maxCompressionRatio: 100, ratioFloorBytes: 256 * 1024, maxRows: 100, maxColumns: 30, maxCells: 5000, maxSharedStrings: 500, maxSharedStringBytes: 256 * 1024, maxZipEntries: 50 };

let n = 0;
function zipFile(parts: ZipPart[]): string {
  const file = tmp.file(`hostile-${++n}.xlsx`);
  fs.writeFileSync(file, buildZip(parts));
  return file;
}

const refused = (file: string, code: string, message: RegExp, limits = small) => expect(guardXlsx(file, limits)).rejects.toMatchObject({ code, message: expect.stringMatching(message) });

describe('the zip guard', () => {
  it('passes a real workbook and reports what it measured', async () => {
    const file = tmp.file('real.xlsx');
    await writeKindXlsx(teachersKind, teacherInputs(50, '4101020001'), file);
    const report = await guardXlsx(file, small);
    expect(report.sheets).toEqual([{ name: 'xl/worksheets/sheet1.xml', rows: 51, cells: expect.any(Number), maxCellsInRow: 20 }]);
    expect(report.inflatedBytes).toBe(report.declaredBytes);
    await expect(guardXlsx(zipFile(workbookParts(sheetXml(10, 5, 'A1:E10'))), small)).resolves.toMatchObject({ entries: 6 });
  });

  it('refuses a part whose compression ratio is a zip bomb’s', () =>
    refused(zipFile([...workbookParts(sheetXml(1, 1)), { name: 'xl/media/bomb.bin', data: Buffer.alloc(4 * MB) }]), 'ZIP_RATIO', /压缩比为 \d+:1，超过上限 100:1/));

  it('refuses parts whose declared sizes add up past the total', () =>
    refused(
      zipFile([...workbookParts(sheetXml(1, 1)), ...[1, 2, 3].map((i) => ({ name: `xl/media/p${i}.bin`, data: Buffer.from(Array.from({ length: 3 * MB }, (_, k) => (k * 7919 + i) % 251)), method: 0 as const }))]),
      'ZIP_TOO_LARGE',
      /解压后超过 8 MB（已声明 9 MB）：数据太多，请分成几个文件上传/,
    ));

  it('refuses many small parts inflating past the total as a zip bomb, without advice to split the file', async () => {
    // each part under the per-part ratio's floor (256 KB), together past the total (8 MB)
    const bomb = zipFile([...workbookParts(sheetXml(1, 1)), ...Array.from({ length: 40 }, (_, i) => ({ name: `xl/media/z${i}.bin`, data: Buffer.alloc(250 * 1024) }))]);
    await refused(bomb, 'ZIP_BOMB', /疑似“压缩炸弹”，已拒绝/);
    await expect(guardXlsx(bomb, small)).rejects.toMatchObject({ message: expect.not.stringMatching(/分成|拆分/) });
  });

  it('stops a part that inflates past the size it declares, counting the bytes as they stream', () =>
    refused(zipFile([...workbookParts(sheetXml(1, 1)), { name: 'xl/media/liar.bin', data: Buffer.alloc(2 * MB, 'a'), declaredSize: 1000 }]), 'ZIP_SIZE_MISMATCH', /实际大小与声明不符/));

  it('refuses too many parts', () =>
    refused(zipFile([...workbookParts(sheetXml(1, 1)), ...Array.from({ length: 60 }, (_, i) => ({ name: `xl/media/i${i}.png`, data: 'x' }))]), 'ZIP_TOO_MANY_ENTRIES', /66 个部件，超过上限 50/));

  it('refuses a DOCTYPE or ENTITY declaration in any XML part', async () => {
    const entity = '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol">]><worksheet><sheetData/></worksheet>';
    await refused(zipFile(workbookParts(entity)), 'XML_DOCTYPE', /“xl\/worksheets\/sheet1\.xml”含有 DOCTYPE\/ENTITY 声明/);
    const parts = workbookParts(sheetXml(1, 1));
    parts[1] = { name: '_rels/.rels', data: '<?xml version="1.0"?>\n<!doctype r SYSTEM "file:///etc/passwd"><Relationships/>' };
    await refused(zipFile(parts), 'XML_DOCTYPE', /_rels\/\.rels/);
  });

  it("refuses a sheet's declared dimension past the row or column limit", async () => {
    await refused(zipFile(workbookParts(sheetXml(2, 2, 'A1:XFD1048576'))), 'SHEET_DIMENSION', /1048576 行 × 16384 列，超过上限 100 行 × 30 列/);
    await refused(zipFile(workbookParts(sheetXml(2, 2, 'A1:AZ10'))), 'SHEET_DIMENSION', /10 行 × 52 列/);
  });

  it('refuses actual rows, cells in a row and cells in all past the limits when no dimension says so', async () => {
    await refused(zipFile(workbookParts(sheetXml(200, 1))), 'TOO_MANY_ROWS', /超过 100 行/);
    await refused(zipFile(workbookParts(sheetXml(2, 40))), 'TOO_MANY_COLUMNS', /一行超过 30 个单元格/);
    await refused(zipFile(workbookParts(sheetXml(90, 30))), 'TOO_MANY_CELLS', /单元格超过 2000 个/, { ...small, maxCells: 2000 });
  });

  it('refuses too many shared strings, or too many bytes of them', async () => {
    const sst = (count: number, text: (i: number) => string) => `<sst count="${count}" uniqueCount="${count}">${Array.from({ length: count }, (_, i) => `<si><t>${text(i)}</t></si>`).join('')}</sst>`;
    await refused(zipFile(workbookParts(sheetXml(1, 1), sst(600, (i) => `s${i}`))), 'SHARED_STRINGS_COUNT', /共享字符串超过 500 个/);
    // text that does not repeat (the compression ratio of a real file), 450 × 250 characters
    const cjk = (i: number) => Array.from({ length: 250 }, (_, k) => String.fromCharCode(0x4e00 + ((i * 7919 + k * 104729) % 20000))).join('');
    await refused(zipFile(workbookParts(sheetXml(1, 1), sst(450, cjk))), 'SHARED_STRINGS_SIZE', /共享字符串超过 0\.3 MB/);
  });

  it('refuses data the central directory does not account for, and encrypted parts', async () => {
    await refused(zipFile([...workbookParts(sheetXml(1, 1)).slice(0, 5), { name: 'xl/worksheets/sheet9.xml', data: sheetXml(1000, 30), listed: false }, workbookParts(sheetXml(1, 1))[5]]), 'ZIP_HIDDEN_DATA', /目录未登记的数据/);
    await refused(zipFile([...workbookParts(sheetXml(1, 1)), { name: 'xl/secret.bin', data: 'x', flags: 0x801 }]), 'ZIP_ENCRYPTED', /加密/);
  });

  it('refuses a file that is not a workbook though named .xlsx, and a truncated one', async () => {
    const text = tmp.file('text.xlsx');
    fs.writeFileSync(text, 'not a workbook');
    await expect(openSource(text, { fileName: 'text.xlsx', limits: small })).rejects.toMatchObject({ code: 'UNSUPPORTED_FILE' });
    const cut = tmp.file('cut.xlsx');
    fs.writeFileSync(cut, buildZip(workbookParts(sheetXml(5, 5))).subarray(0, 300));
    await expect(openSource(cut, { fileName: 'cut.xlsx', limits: small })).rejects.toMatchObject({ code: 'NOT_A_WORKBOOK' });
  });
});

describe.each(testDatabaseKinds())('a hostile file through the platform on %s', (kind) => {
  it('is refused with a clear message and writes nothing; an upload over the size limit is refused at once', async () => {
    const p = await startImportPlatform(kind, { settings: { limits: { ...DEFAULT_FILE_LIMITS, maxFileBytes: 256 * 1024, maxCompressionRatio: 100 } } });
    try {
      await p.admin('mutation($rows: [SchoolInput!]!) { upsertSchools(rows: $rows) { created } }', { rows: [{ code: '4101020001', name: '一小', type: 'PRIMARY', sponsor: 'PUBLIC' }] });
      const bomb = buildZip([...workbookParts(sheetXml(1, 1)), { name: 'xl/media/bomb.bin', data: Buffer.alloc(20 * MB) }]);
      const job = await p.importFile('teachers', bomb, { fileName: 'bomb.xlsx' });
      expect(job).toMatchObject({ status: 'failed', errorCode: 'ZIP_RATIO', rowsRead: 0, rowsWritten: 0, errorMessage: expect.stringContaining('压缩炸弹') });

      const big = tmp.file(`big-${kind}.xlsx`);
      await writeKindXlsx(teachersKind, teacherInputs(4000, '4101020001'), big, { sharedStrings: false });
      expect(fs.statSync(big).size).toBeGreaterThan(256 * 1024);
      const tooBig = await p.upload('teachers', big);
      expect(tooBig).toMatchObject({ status: 413, body: { error: { code: 'UPLOAD_TOO_LARGE', message: expect.stringContaining('超过 0 MB') } } });

      const teachers = await p.admin('{ teachers(first: 1) { totalCount } }');
      expect(teachers.data.teachers.totalCount).toBe(0);
      const jobs = await p.admin('{ importJobs { totalCount } }');
      expect(jobs.data.importJobs.totalCount).toBe(1);
      const chunks = await p.importerDs.query('SELECT COUNT(*) AS n FROM import_file_chunk');
      expect(Number(chunks[0].n)).toBe(0);
      void ADMIN;
    } finally {
      await p.stop();
    }
  });
});
