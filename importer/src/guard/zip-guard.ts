import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { FileError } from '../file-error';
import { FileLimits } from './limits';
import { XmlScanner } from './xml-scanner';

/** What the guard measured, for logs and tests. */
export interface ZipReport {
  readonly entries: number;
  readonly declaredBytes: number;
  readonly inflatedBytes: number;
  readonly sheets: ReadonlyArray<{ readonly name: string; readonly rows: number; readonly cells: number; readonly maxCellsInRow: number }>;
  readonly sharedStrings: number;
}

const MB = 1024 * 1024;
const mb = (n: number) => `${Math.round((n / MB) * 10) / 10} MB`;

const isXmlPart = (name: string) => /\.(xml|rels|vml)$/i.test(name);
const isSheet = (name: string) => /^xl\/worksheets\/[^/]+\.xml$/i.test(name);
const isSharedStrings = (name: string) => /^xl\/sharedStrings\.xml$/i.test(name);

/** A zip whose parts inflate far past any workbook's: refused without advice to split it (splitting a bomb helps no one). */
function bomb(declared: number, packed: number): FileError {
  return new FileError(
    'ZIP_BOMB',
    `工作簿压缩后只有 ${mb(packed)}，却声明解压后有 ${mb(declared)}（约 ${Math.round(declared / Math.max(1, packed))} 倍）：疑似“压缩炸弹”，已拒绝。请用 Excel 或 WPS 打开原表格另存为 .xlsx 再上传`,
  );
}

/** Bytes a data descriptor may take after an entry's data (with or without signature, ZIP64). */
const DESCRIPTOR_SIZES = new Set([12, 16, 20, 24]);

/**
 * Checks an .xlsx before ExcelJS sees it, streaming, never holding a part in memory: entry count;
 * declared sizes (total and compression ratio); actual inflated bytes, counted as they stream (a
 * part inflating past its declared size, or past the total, stops the read); a DOCTYPE/ENTITY in
 * any XML part; each sheet's declared dimension and its actual rows and cells; shared strings'
 * count and size; encrypted entries; and that the central directory accounts for every byte of the
 * file (no hidden local entries that a streaming unzip would read but this check would not).
 * Throws a FileError naming the limit.
 */
export async function guardXlsx(file: string, limits: FileLimits): Promise<ZipReport> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false, decodeStrings: true });
  } catch (e) {
    throw new FileError('NOT_A_WORKBOOK', '文件不是有效的 .xlsx 工作簿（不是 zip 格式，或文件不完整）：请用 Excel 或 WPS 打开后另存为 .xlsx 再上传', (e as Error).message);
  }
  try {
    return await inspect(zip, limits);
  } finally {
    zip.close();
  }
}

async function inspect(zip: yauzl.ZipFile, limits: FileLimits): Promise<ZipReport> {
  // where the central directory starts, before reading it moves the cursor
  const cdStart = (zip as unknown as { readEntryCursor: number }).readEntryCursor;
  if (zip.entryCount > limits.maxZipEntries) {
    throw new FileError('ZIP_TOO_MANY_ENTRIES', `工作簿内部有 ${zip.entryCount} 个部件，超过上限 ${limits.maxZipEntries}：文件可能已损坏或被构造过`);
  }
  const entries: yauzl.Entry[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (e: yauzl.Entry) => {
      entries.push(e);
      zip.readEntry();
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  }).catch((e: Error) => {
    throw new FileError('NOT_A_WORKBOOK', '文件不是有效的 .xlsx 工作簿（内部目录已损坏）：请用 Excel 或 WPS 打开后另存为 .xlsx 再上传', e.message);
  });

  let declared = 0;
  for (const e of entries) {
    if (e.isEncrypted()) throw new FileError('ZIP_ENCRYPTED', '工作簿中有加密的部件：请去掉密码后另存为 .xlsx 再上传');
    declared += e.uncompressedSize;
    if (declared > limits.maxUncompressedBytes) {
      const total = entries.reduce((n, x) => n + x.uncompressedSize, 0);
      const packed = entries.reduce((n, x) => n + x.compressedSize, 0);
      // a real workbook that large compresses a few times; one that inflates hundreds of times is built to
      if (total / Math.max(1, packed) > limits.maxCompressionRatio) throw bomb(total, packed);
      throw new FileError('ZIP_TOO_LARGE', `工作簿解压后超过 ${mb(limits.maxUncompressedBytes)}（已声明 ${mb(declared)}）：数据太多，请分成几个文件上传`);
    }
    if (e.uncompressedSize > limits.ratioFloorBytes && e.uncompressedSize / Math.max(1, e.compressedSize) > limits.maxCompressionRatio) {
      throw new FileError(
        'ZIP_RATIO',
        `工作簿部件“${shown(e.fileName)}”的压缩比为 ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))}:1，超过上限 ${limits.maxCompressionRatio}:1，疑似“压缩炸弹”，已拒绝`,
      );
    }
  }
  await checkCoverage(zip, entries, cdStart);

  let inflated = 0;
  let cells = 0;
  let sharedStrings = 0;
  const sheets: Array<{ name: string; rows: number; cells: number; maxCellsInRow: number }> = [];
  for (const e of entries) {
    if (e.fileName.endsWith('/')) continue;
    const scanner = isXmlPart(e.fileName) ? new XmlScanner() : undefined;
    let stream: Readable;
    try {
      stream = await zip.openReadStreamPromise(e);
    } catch (err) {
      throw new FileError('NOT_A_WORKBOOK', `无法读取工作簿部件“${shown(e.fileName)}”，文件已损坏：请用 Excel 或 WPS 打开后另存为 .xlsx 再上传`, (err as Error).message);
    }
    try {
      for await (const chunk of stream) {
        const buf = chunk as Buffer;
        inflated += buf.length;
        if (inflated > limits.maxUncompressedBytes) {
          // the parts declared less than they hold: a file built to exhaust memory, not a large workbook
          throw new FileError('ZIP_BOMB', `工作簿的部件解压后超过 ${mb(limits.maxUncompressedBytes)}，远超其声明的大小：疑似“压缩炸弹”，已停止读取并拒绝。请用 Excel 或 WPS 打开原表格另存为 .xlsx 再上传`);
        }
        scanner?.push(buf);
        if (scanner?.doctype) throw doctype(e.fileName);
        if (scanner && isSheet(e.fileName)) checkSheet(e.fileName, scanner, limits, cells);
        if (scanner && isSharedStrings(e.fileName)) checkSharedStrings(scanner, limits);
      }
    } catch (err) {
      stream.destroy();
      if (err instanceof FileError) throw err;
      // yauzl stops a part that inflates past its declared size (validateEntrySizes)
      throw new FileError('ZIP_SIZE_MISMATCH', `工作簿部件“${shown(e.fileName)}”的实际大小与声明不符，文件已损坏或被构造过`, (err as Error).message);
    }
    if (scanner) {
      scanner.end();
      if (scanner.doctype) throw doctype(e.fileName);
      if (isSheet(e.fileName)) {
        checkSheet(e.fileName, scanner, limits, cells);
        cells += scanner.cells;
        sheets.push({ name: e.fileName, rows: scanner.rows, cells: scanner.cells, maxCellsInRow: scanner.maxCellsInRow });
      }
      if (isSharedStrings(e.fileName)) {
        checkSharedStrings(scanner, limits);
        sharedStrings = scanner.sharedStrings;
      }
    }
  }
  return { entries: entries.length, declaredBytes: declared, inflatedBytes: inflated, sheets, sharedStrings };
}

function doctype(part: string): FileError {
  return new FileError('XML_DOCTYPE', `工作簿部件“${part}”含有 DOCTYPE/ENTITY 声明，正常的 Excel 文件不会有，已拒绝（防止 XML 实体攻击）`);
}

/** A header row and a little slack above the data rows. */
const HEADER_ALLOWANCE = 50;

function checkSheet(part: string, s: XmlScanner, limits: FileLimits, cellsBefore: number): void {
  const maxRows = limits.maxRows + HEADER_ALLOWANCE;
  if (s.dimension && (s.dimension.rows > maxRows || s.dimension.columns > limits.maxColumns)) {
    throw new FileError(
      'SHEET_DIMENSION',
      `工作表（${part}）声明的范围为 ${s.dimension.rows} 行 × ${s.dimension.columns} 列，超过上限 ${limits.maxRows} 行 × ${limits.maxColumns} 列：请删除多余的空行空列或分成几个文件`,
    );
  }
  if (s.rows > maxRows) throw new FileError('TOO_MANY_ROWS', `工作表（${part}）超过 ${limits.maxRows} 行：请分成几个文件上传`);
  if (Math.max(s.maxCellsInRow, s.cellsInRow) > limits.maxColumns) {
    throw new FileError('TOO_MANY_COLUMNS', `工作表（${part}）有一行超过 ${limits.maxColumns} 个单元格：请删除多余的列`);
  }
  if (cellsBefore + s.cells > limits.maxCells) throw new FileError('TOO_MANY_CELLS', `工作簿的单元格超过 ${limits.maxCells} 个：请分成几个文件上传`);
}

function checkSharedStrings(s: XmlScanner, limits: FileLimits): void {
  if (s.sharedStrings > limits.maxSharedStrings) {
    throw new FileError('SHARED_STRINGS_COUNT', `工作簿的共享字符串超过 ${limits.maxSharedStrings} 个，已拒绝`);
  }
  if (s.bytes > limits.maxSharedStringBytes) {
    throw new FileError('SHARED_STRINGS_SIZE', `工作簿的共享字符串超过 ${mb(limits.maxSharedStringBytes)}，已拒绝`);
  }
}

/**
 * The entries, in file order, must follow one another with nothing between them but a data
 * descriptor, and the last must end where the central directory starts: bytes the directory does
 * not account for could hold an entry that ExcelJS's streaming unzip would read unchecked.
 */
async function checkCoverage(zip: yauzl.ZipFile, entries: readonly yauzl.Entry[], cdStart: number): Promise<void> {
  const byOffset = [...entries].sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader);
  let expected = 0;
  let prev: yauzl.Entry | undefined;
  for (const e of byOffset) {
    if (!adjacent(e.relativeOffsetOfLocalHeader - expected, prev)) throw hidden();
    let fileDataStart: number;
    try {
      ({ fileDataStart } = await zip.readLocalFileHeaderPromise(e, { minimal: true }));
    } catch (err) {
      // a local header that is not one, or that runs past the end of the file
      throw new FileError('NOT_A_WORKBOOK', `工作簿部件“${shown(e.fileName)}”的文件头已损坏，无法读取：请用 Excel 或 WPS 打开后另存为 .xlsx 再上传`, (err as Error).message);
    }
    expected = fileDataStart + e.compressedSize;
    prev = e;
  }
  if (!adjacent(cdStart - expected, prev)) throw hidden();
}

/** A name from the file, cut to a length a message can carry. */
function shown(name: string): string {
  return name.length > 60 ? `${name.slice(0, 60)}…` : name;
}

/** Nothing between two parts, or only the previous part's data descriptor. */
function adjacent(gap: number, prev: yauzl.Entry | undefined): boolean {
  return gap === 0 || (!!prev && (prev.generalPurposeBitFlag & 0x8) !== 0 && DESCRIPTOR_SIZES.has(gap));
}

function hidden(): FileError {
  return new FileError('ZIP_HIDDEN_DATA', '工作簿中有目录未登记的数据，文件已损坏或被构造过，已拒绝。请用 Excel 或 WPS 打开后另存为 .xlsx 再上传');
}
