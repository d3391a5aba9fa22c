import fs from 'node:fs';
import { FileError } from '../file-error';

export type FileFormat = 'xlsx' | 'csv';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (head: Uint8Array, magic: number[]) => magic.every((b, i) => head[i] === b);

/**
 * What a file is, from its first bytes (never its name alone): an .xlsx (a zip), a CSV (text), or
 * something refused with a message saying what to do: a legacy .xls or an encrypted workbook
 * (both OLE2 compound files), or a binary file of another kind.
 */
export function sniffFormat(head: Uint8Array, fileName: string): FileFormat {
  if (startsWith(head, OLE2)) {
    throw new FileError(
      'LEGACY_XLS',
      `“${fileName}”是旧版 Excel 97-2003 工作簿（.xls）或加了密码的工作簿，无法导入。请用 Excel 或 WPS 打开，去掉密码后“另存为” Excel 工作簿（.xlsx）再上传`,
    );
  }
  if (startsWith(head, ZIP) || startsWith(head, EMPTY_ZIP)) return 'xlsx';
  const sample = head.subarray(0, 8192);
  if (sample.length > 0 && !sample.includes(0) && !/\.(xlsx|xlsm|xls|et|ods|numbers)$/i.test(fileName)) return 'csv';
  // UTF-16 text (Excel's “Unicode 文本”) has NUL bytes but a BOM
  if (sample[0] === 0xff && sample[1] === 0xfe && /\.(csv|txt)$/i.test(fileName)) return 'csv';
  throw new FileError('UNSUPPORTED_FILE', `“${fileName}”不是 .xlsx 或 .csv 文件，无法导入。请上传 Excel 工作簿（.xlsx）或 CSV 文件`);
}

/** The first bytes of a file on disk. */
export function readFileHead(file: string, bytes = 8192): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    return buf.subarray(0, fs.readSync(fd, buf, 0, bytes, 0));
  } finally {
    fs.closeSync(fd);
  }
}
