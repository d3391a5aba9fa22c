import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import iconv from 'iconv-lite';
import { FileError } from '../file-error';
import { CellValue } from '../spec/cell';
import { ReadLimits, SourceEvent } from './source';

export type CsvEncoding = 'utf8' | 'utf16le' | 'gb18030';

/**
 * The encoding of a CSV from its first bytes: a BOM says it; otherwise text that is valid UTF-8 is
 * UTF-8, and anything else is taken as GB18030 (a superset of GBK and GB2312, what Excel on Chinese
 * Windows writes).
 */
export function detectCsvEncoding(head: Buffer): { encoding: CsvEncoding; bomLength: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf16le', bomLength: 2 };
  try {
    // `stream: true` lets a character cut at the end of the sample pass
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return { encoding: 'utf8', bomLength: 0 };
  } catch {
    return { encoding: 'gb18030', bomLength: 0 };
  }
}

const SAMPLE_BYTES = 64 * 1024;

function readHead(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(SAMPLE_BYTES);
    const n = fs.readSync(fd, buf, 0, SAMPLE_BYTES, 0);
    return buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

/** Decoded text of the file, a chunk at a time. */
async function* decodedChunks(file: string, encoding: CsvEncoding, start: number): AsyncGenerator<string> {
  const input = fs.createReadStream(file, { start });
  try {
    if (encoding === 'gb18030') {
      const decoder = iconv.getDecoder('gb18030');
      for await (const chunk of input) yield decoder.write(chunk as Buffer);
      const rest = decoder.end();
      if (rest) yield rest;
    } else {
      const decoder = new StringDecoder(encoding);
      for await (const chunk of input) yield decoder.write(chunk as Buffer);
      const rest = decoder.end();
      if (rest) yield rest;
    }
  } finally {
    input.destroy();
  }
}

enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** a quote inside a quoted field: a second quote makes it literal, anything else ends the quoting */
  QuoteInQuoted,
}

/**
 * Splits CSV text into records (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes,
 * CRLF or LF), keeping its state across chunks. The delimiter is a comma, or a tab when the first
 * line has more tabs than commas.
 */
/** Excel's own limit of a cell's text: a longer CSV field is not a spreadsheet's cell. */
export const MAX_CSV_FIELD_CHARS = 32_767;

export async function* csvRecords(chunks: AsyncIterable<string>, maxColumns: number): AsyncGenerator<string[]> {
  let delimiter: string | undefined;
  let state = State.FieldStart;
  let field = '';
  let record: string[] = [];
  let skipLF = false;
  const endRecord = (out: string[][]) => {
    record.push(field);
    field = '';
    if (record.length > maxColumns) throw new FileError('TOO_MANY_COLUMNS', `CSV 文件有一行 ${record.length} 列，超过上限 ${maxColumns} 列`);
    out.push(record);
    record = [];
    state = State.FieldStart;
  };
  for await (const text of chunks) {
    if (delimiter === undefined) {
      const firstLine = text.split(/\r?\n/, 1)[0];
      delimiter = (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : ',';
    }
    const out: string[][] = [];
    for (let i = 0; i < text.length; i++) {
      // a file on one line (or one endless field) is refused as it is read, not held whole in memory
      if (field.length > MAX_CSV_FIELD_CHARS) {
        throw new FileError('CELL_TOO_LONG', `CSV 文件中有一个字段超过 ${MAX_CSV_FIELD_CHARS} 个字符：请检查文件是否缺少换行，或引号未闭合`);
      }
      const ch = text[i];
      if (skipLF) {
        skipLF = false;
        if (ch === '\n') continue;
      }
      if (state === State.Quoted) {
        if (ch === '"') state = State.QuoteInQuoted;
        else field += ch;
        continue;
      }
      if (state === State.QuoteInQuoted) {
        if (ch === '"') {
          field += '"';
          state = State.Quoted;
          continue;
        }
        state = State.Unquoted;
      }
      if (ch === delimiter) {
        record.push(field);
        field = '';
        state = State.FieldStart;
        if (record.length >= maxColumns) throw new FileError('TOO_MANY_COLUMNS', `CSV 文件有一行超过上限 ${maxColumns} 列：请检查分隔符，或删除多余的列`);
      } else if (ch === '\n' || ch === '\r') {
        endRecord(out);
        skipLF = ch === '\r';
      } else if (ch === '"' && state === State.FieldStart) {
        state = State.Quoted;
      } else {
        field += ch;
        state = State.Unquoted;
      }
    }
    yield* out;
  }
  if (field !== '' || record.length || state === State.QuoteInQuoted) {
    const out: string[][] = [];
    endRecord(out);
    yield* out;
  }
}

/**
 * Reads a CSV file in UTF-8 (with or without BOM), UTF-16 (with BOM) or GB18030/GBK, streaming.
 * The whole file is one sheet named after the file.
 */
export async function* csvSource(file: string, sheetName: string, limits: ReadLimits): AsyncGenerator<SourceEvent> {
  const { encoding, bomLength } = detectCsvEncoding(readHead(file));
  yield { type: 'sheet', name: sheetName };
  let number = 0;
  for await (const rec of csvRecords(decodedChunks(file, encoding, bomLength), limits.maxColumns)) {
    number++;
    const cells: CellValue[] = rec.map((f) => (f === '' ? null : f));
    yield { type: 'row', number, cells };
  }
}
