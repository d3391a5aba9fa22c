import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';

/** An unzipped part as ExcelJS hands it to its parsers. */
type PartStream = NodeJS.ReadableStream & { setEncoding(encoding: 'utf8'): unknown };

/** What ExcelJS's reader knows once it has read the workbook's parts. */
interface ReaderState {
  workbookRels?: ReadonlyArray<{ Id: string; Target: string }>;
  model?: { sheets?: ReadonlyArray<{ id: number; name: string; rId: string }> };
}

type ReaderBase = new (input: unknown, options: unknown) => ReaderState & {
  _parseSharedStrings(entry: PartStream): AsyncGenerator<unknown>;
  _parseRels(entry: PartStream): Promise<void>;
  _parseWorkbook(entry: PartStream): Promise<void>;
  _parseStyles(entry: PartStream): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
  parse(): AsyncGenerator<unknown>;
} & AsyncIterable<unknown>;

/** Decodes UTF-8 chunk by chunk, keeping a character cut by a chunk boundary for the next chunk. */
async function* utf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/**
 * ExcelJS's streaming WorkbookReader over a file, with two fixes of ExcelJS 4.4.0:
 *
 * - It reads the zip in one streaming pass, in stored order, and that pass intermittently loses the
 *   parts stored after the worksheets (exceljs#3064): ExcelJS's own writer stores sharedStrings.xml,
 *   the workbook's rels and workbook.xml last, so a sheet was sometimes read with shared strings as
 *   bare numbers and named “Sheet1” (seen here: a roster refused for a missing header one upload in
 *   a few dozen). Here the parts are opened through the zip's central directory (the zip guard has
 *   already checked it accounts for every byte): the workbook's rels, workbook.xml and the shared
 *   strings first, then each worksheet, streamed, in the workbook's order. Worksheets no longer go
 *   through a temporary file while the parts they need are found.
 * - It decodes each inflated chunk of a part on its own (utils/parse-sax.js), so a Chinese character
 *   whose three UTF-8 bytes straddle two chunks becomes “��” (教师2208 read as 教��2208). Here every
 *   part reaches ExcelJS's XML parser already decoded with a streaming decoder.
 *
 * ExcelJS's parsers, and what it yields (worksheet readers, rows), are unchanged.
 */
export class Utf8WorkbookReader extends (ExcelJS.stream.xlsx.WorkbookReader as unknown as ReaderBase) {
  constructor(
    private readonly file: string,
    options: Record<string, unknown>,
  ) {
    super(file, options);
  }

  override async *parse(): AsyncGenerator<unknown> {
    const zip = await yauzl.openPromise(this.file, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false, decodeStrings: true });
    try {
      const entries = new Map<string, yauzl.Entry>();
      await new Promise<void>((resolve, reject) => {
        zip.on('entry', (e: yauzl.Entry) => {
          entries.set(e.fileName, e);
          zip.readEntry();
        });
        zip.on('end', resolve);
        zip.on('error', reject);
        zip.readEntry();
      });
      const part = async (name: string) => {
        const e = entries.get(name);
        return e ? ((await zip.openReadStreamPromise(e)) as unknown as PartStream) : undefined;
      };
      const rels = await part('xl/_rels/workbook.xml.rels');
      if (rels) await this._parseRels(rels);
      const workbook = await part('xl/workbook.xml');
      if (workbook) await this._parseWorkbook(workbook);
      const strings = await part('xl/sharedStrings.xml');
      if (strings) yield* this._parseSharedStrings(strings);
      for (const sheetNo of this.sheetOrder([...entries.keys()])) {
        const stream = await part(`xl/worksheets/sheet${sheetNo}.xml`);
        if (stream) yield* this._parseWorksheet(stream as AsyncIterable<Buffer>, sheetNo);
      }
    } finally {
      zip.close();
    }
  }

  /** The worksheets' numbers, in the order the workbook lists its sheets (then any others, by number). */
  private sheetOrder(names: readonly string[]): string[] {
    const present = names.map((n) => SHEET.exec(n)?.[1]).filter((n): n is string => n !== undefined);
    const byRel = new Map((this.workbookRels ?? []).map((r) => [r.Id, SHEET.exec(`xl/${r.Target.replace(/^\/?(xl\/)?/, '')}`)?.[1]]));
    const listed = (this.model?.sheets ?? []).map((s) => byRel.get(s.rId)).filter((n): n is string => n !== undefined && present.includes(n));
    const rest = present.filter((n) => !listed.includes(n)).sort((a, b) => Number(a) - Number(b));
    return [...new Set([...listed, ...rest])];
  }

  override _parseSharedStrings(entry: PartStream) {
    entry.setEncoding('utf8');
    return super._parseSharedStrings(entry);
  }

  override _parseRels(entry: PartStream) {
    entry.setEncoding('utf8');
    return super._parseRels(entry);
  }

  override _parseWorkbook(entry: PartStream) {
    entry.setEncoding('utf8');
    return super._parseWorkbook(entry);
  }

  override _parseStyles(entry: PartStream) {
    entry.setEncoding('utf8');
    return super._parseStyles(entry);
  }

  override _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string) {
    return super._parseWorksheet(utf8(iterator), sheetNo);
  }
}
