import type { ImportPreview, PreviewColumn } from '../preview/preview';
import { KindSpec } from '../spec/kind-spec';

/** A preview as POST /imports/preview answers it. */
export type PreviewAnswer = ImportPreview & { fileName: string; ms: number };

const REASON: Record<PreviewColumn['reason'], string> = {
  HEADER: '模板列名',
  SYNONYM: '同义列名',
  FORMAT_SUFFIX: '去掉格式后缀',
  MAPPING: '本校设定的对应',
  KEPT: '不是该类型的列，作为其他信息保留',
  IGNORED: '该类型不读取此列',
  MAPPED_AWAY: '本校设定为忽略',
  DUPLICATE: '前面已有一列对应同一字段，此列不读',
  UNKNOWN: '不认识的列名，不读取',
};

/** Text as wide as `n` half-width characters (a Chinese character is two). */
function pad(s: string, n: number): string {
  const width = [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0);
  return s + ' '.repeat(Math.max(0, n - width));
}

/**
 * Prints what the importer understood of a file: the sheet and header row, each column and the field
 * it became (and why), the fields the file lacks, and the first rows with each cell's problem.
 * Answers whether the rows shown have no error.
 */
export function printPreview(p: PreviewAnswer, spec: KindSpec, say: (s: string) => void): boolean {
  say(`预览 ${p.fileName}（${spec.title}，${spec.kind}）：工作表“${p.sheet}”，表头在第 ${p.headerRows === 2 ? `${p.headerRow - 1}–${p.headerRow}` : p.headerRow} 行${p.rowsExpected !== null ? `，约 ${p.rowsExpected} 行数据` : ''}（用时 ${p.ms} ms）`);
  say('列的对应：');
  for (const c of p.columns) {
    const to = c.field ? `→ ${c.fieldHeader}（${REASON[c.reason]}${c.reason === 'SYNONYM' || c.reason === 'FORMAT_SUFFIX' ? `“${c.matched}”` : ''}）` : `  （${REASON[c.reason]}${c.reason === 'KEPT' || c.reason === 'UNKNOWN' ? `；若是某一字段，可用 --map "${c.title}=字段" 指定` : ''}）`;
    say(`  ${pad(c.letter, 3)}${pad(c.title, 24)}${to}`);
  }
  const absent = p.absent.filter((a) => a.requirement !== '选填');
  if (absent.length) say(`文件中没有的列：${absent.map((a) => `${a.header}（${a.requirement}）`).join('、')}`);
  say(`前 ${p.rows.length} 行：`);
  let errors = 0;
  for (const r of p.rows) {
    say(`  第 ${r.number} 行：${r.cells.filter((c) => c.value !== null && c.value !== '').map((c) => c.value).join(' | ')}`);
    for (const c of r.cells) {
      for (const x of c.problems) {
        if (x.severity === 'error') errors++;
        say(`    ${x.severity === 'error' ? '✗' : '⚠'} [${x.code}] ${x.message}`);
      }
    }
    for (const x of r.problems) {
      if (x.severity === 'error') errors++;
      say(`    ${x.severity === 'error' ? '✗' : '⚠'} [${x.code}] ${x.message}`);
    }
  }
  say(errors ? `预览的行中有 ${errors} 处错误；改正后再导入（预览不写入任何数据）` : '预览的行没有错误（预览不写入任何数据；学校、教师是否在名册中，导入时再核对）');
  return errors === 0;
}
