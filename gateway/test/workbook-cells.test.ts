import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { neutraliseCell } from '@tw/kernel';
import { readFigures } from '../src/reports/figures';
import { SHEETS, writeReportWorkbook } from '../src/reports/workbook';

describe('cell text in every workbook the platform writes (issue 16, finding 8)', () => {
  it('neutralises a formula behind leading spaces, tabs or line breaks, and leaves other values alone', () => {
    for (const s of ['=1+1', ' =1+1', '\n=HYPERLINK("x")', '\r\n@SUM(1)', '\t+1', '　-1', '＝1']) expect(neutraliseCell(s)).toBe(`'${s}`);
    for (const v of ['张三', 'a=b', '1-2', 42, null, true]) expect(neutraliseCell(v)).toBe(v);
  });

  it('writes the district report with a school named like a formula as text, not a formula', async () => {
    const figures = readFigures(fs.readFileSync(path.resolve(__dirname, '../../schema/supergraph.graphql'), 'utf8'));
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((r) => out.on('end', r));
    await writeReportWorkbook(out, figures, { year: 2025, sinceYear: 2025, report: {}, frozen: null, schools: [{ school: { code: '4101020001', name: ' =HYPERLINK("http://evil")', sponsor: 'PUBLIC' } }] }, new Date('2026-01-01T00:00:00Z'));
    await done;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const names: unknown[] = [];
    wb.getWorksheet(SHEETS.schools)!.eachRow((row) => names.push(row.getCell(2).value));
    expect(names).toContain(`' =HYPERLINK("http://evil")`);
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => expect(c.formula).toBeUndefined())));
  });
});
