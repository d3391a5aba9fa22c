import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ColumnSpec, KindSpec } from '../spec/kind-spec';

/** Rows of the data sheet that get the drop-down lists. */
const VALIDATED_ROWS = 2000;
const CODE_SHEET = '代码表';

const columnLetter = (n: number): string => (n <= 26 ? String.fromCharCode(64 + n) : columnLetter(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));

/** What the 说明 sheet says of a column's requirement. */
export function requirementText(spec: KindSpec, c: ColumnSpec): string {
  if (typeof c.required === 'object') return c.required.describe;
  if (c.required) return '必填';
  if (spec.school && (c.key === spec.school.codeKey || c.key === spec.school.nameKey)) {
    return spec.school.optional ? '选填（学校标识码或学校名称）' : '学校标识码与学校名称填一项';
  }
  return '选填';
}

/** Whether the template marks the column with the national templates' leading `*`. */
const starred = (c: ColumnSpec) => c.required === true;

/** Columns that must stay text so Excel keeps every digit (ID numbers, codes). */
const TEXT_COLUMNS = new Set(['idNumber', 'schoolCode', 'code', 'staffNo']);

/**
 * Writes a kind's import template: the data sheet with the header (required columns marked `*`),
 * an example row, and drop-down lists on coded columns (their values on a hidden 代码表 sheet);
 * a 说明 sheet describing every column. Small, so written in one go.
 */
export async function writeTemplate(out: Writable, spec: KindSpec): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'teacher-workforce-platform';
  const data = wb.addWorksheet(spec.title.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  const notes = wb.addWorksheet('说明');
  const codes = wb.addWorksheet(CODE_SHEET, { state: 'veryHidden' });

  data.columns = spec.columns.map((c) => ({
    header: `${starred(c) ? '*' : ''}${c.header}`,
    key: c.key,
    width: Math.max(12, c.header.length * 2 + 4, TEXT_COLUMNS.has(c.key) ? 22 : 0),
    style: TEXT_COLUMNS.has(c.key) ? { numFmt: '@' } : {},
  }));
  const head = data.getRow(1);
  head.font = { bold: true };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  data.addRow(spec.columns.map((c) => c.example));

  let codeColumn = 0;
  spec.columns.forEach((c, i) => {
    const choices = c.type.choices;
    if (!choices?.length) return;
    codeColumn++;
    const letter = columnLetter(codeColumn);
    codes.getCell(`${letter}1`).value = c.header;
    choices.forEach((choice, k) => {
      codes.getCell(`${letter}${k + 2}`).value = choice;
    });
    const range = `'${CODE_SHEET}'!$${letter}$2:$${letter}$${choices.length + 1}`;
    const col = columnLetter(i + 1);
    for (let r = 2; r <= VALIDATED_ROWS; r++) {
      data.getCell(`${col}${r}`).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [range],
        // codes and code-label forms are accepted too, so a value off the list is only a warning
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: c.header,
        error: `请从下拉列表中选择${c.header}`,
      };
    }
  });

  notes.columns = [
    { header: '列名', key: 'header', width: 18 },
    { header: '是否必填', key: 'required', width: 22 },
    { header: '填写说明', key: 'describe', width: 70 },
    { header: '也可用的列名', key: 'synonyms', width: 40 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of spec.columns) {
    notes.addRow({
      header: c.header,
      required: requirementText(spec, c),
      describe: [c.type.describe, c.note].filter(Boolean).join('；'),
      synonyms: (c.synonyms ?? []).join('、'),
    });
  }
  notes.addRow({});
  notes.addRow({ header: '说明', describe: `表头可在前几行（标题行之下）；带 * 的列为必填；同一${spec.keyDescription}只能出现一次，重复导入同一文件只会更新，不会重复。` });
  notes.addRow({ header: '', describe: '第 2 行是示例，原样上传时会被跳过；请从第 2 行起（或删除示例后）填写。' });
  notes.getColumn('describe').alignment = { wrapText: true, vertical: 'top' };

  await wb.xlsx.write(out);
}
