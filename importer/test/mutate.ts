/**
 * Mutations of workbooks and CSV files for the importer's fuzz (workbook-fuzz.test.ts):
 * whole-file byte mutations (flipped bits, random ranges, truncation, lying zip header fields),
 * mutations of an .xlsx's parts rebuilt with buildZip (oversized dimensions, huge shared-string
 * tables, deep or broken XML, DOCTYPE/ENTITY, wrong content types, lying sizes, hidden, duplicated
 * or renamed parts…) and of a CSV's text. Every random choice comes from a seeded generator (the kernel's
 * Random), so a run is replayed by its seed.
 */
import { inflateRawSync } from 'node:zlib';
import iconv from 'iconv-lite';
import type { Random } from '@tw/kernel';
import { ZipPart } from './zip';

/** A mutation: what it is called in a failure's description, and what it does. */
export type Mutator<T> = readonly [string, (r: Random, x: T) => T];

/**
 * The parts of a zip, as buildZip takes them back, read through its central directory (no ZIP64,
 * no encryption: the seeds are ExcelJS's own files). Not the importer's code: the seeds' parts are
 * read here independently of the zip guard and ExcelJS.
 */
export function unzipParts(zip: Buffer): ZipPart[] {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const parts: ZipPart[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`no central directory entry at ${at}`);
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(dataStart, dataStart + compressed);
    parts.push({ name, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw), method: method === 0 ? 0 : 8 });
    at += 46 + skip;
  }
  return parts;
}

// ---------------------------------------------------------------------------------------------
// whole-file byte mutations (for .xlsx and CSV alike)

/** A random range of `buf`, at most `max` bytes long. */
function range(r: Random, buf: Buffer, max: number): [number, number] {
  const start = r.int(0, Math.max(0, buf.length - 1));
  return [start, Math.min(buf.length, start + r.int(1, max))];
}

const U16 = 2;
const U32 = 4;
/** Fields of the zip records a hostile file may lie in: offset in the record and width. */
const ZIP_RECORDS: ReadonlyArray<{ signature: number; name: string; fields: ReadonlyArray<[string, number, number]> }> = [
  {
    signature: 0x04034b50,
    name: 'local header',
    fields: [['version', 4, U16], ['flags', 6, U16], ['method', 8, U16], ['crc', 14, U32], ['compressed size', 18, U32], ['size', 22, U32], ['name length', 26, U16], ['extra length', 28, U16]],
  },
  {
    signature: 0x02014b50,
    name: 'central directory entry',
    fields: [
      ['flags', 8, U16], ['method', 10, U16], ['crc', 16, U32], ['compressed size', 20, U32], ['size', 24, U32], ['name length', 28, U16], ['extra length', 30, U16],
      ['comment length', 32, U16], ['disk', 34, U16], ['external attributes', 38, U32], ['local header offset', 42, U32],
    ],
  },
  {
    signature: 0x06054b50,
    name: 'end of central directory',
    fields: [['disk', 4, U16], ['directory disk', 6, U16], ['entries on disk', 8, U16], ['entries', 10, U16], ['directory size', 12, U32], ['directory offset', 16, U32], ['comment length', 20, U16]],
  },
];

/** Sets one field of one zip record of `buf` to an extreme, off-by-one or random value; names what it did. */
export function lieInZipHeader(r: Random, buf: Buffer): { buf: Buffer; how: string } {
  const found: Array<{ at: number; record: (typeof ZIP_RECORDS)[number] }> = [];
  for (let i = buf.indexOf('PK'); i !== -1 && i + 4 <= buf.length; i = buf.indexOf('PK', i + 1)) {
    const sig = buf.readUInt32LE(i);
    const record = ZIP_RECORDS.find((x) => x.signature === sig);
    if (record) found.push({ at: i, record });
  }
  if (!found.length) return { buf, how: 'no zip record to lie in' };
  const { at, record } = r.pick(found);
  const [field, offset, width] = r.pick(record.fields);
  if (at + offset + width > buf.length) return { buf, how: `a ${record.name} cut short` };
  const out = Buffer.from(buf);
  const old = width === U16 ? out.readUInt16LE(at + offset) : out.readUInt32LE(at + offset);
  const max = width === U16 ? 0xffff : 0xffffffff;
  const value = r.pick([0, 1, max, max - 1, 0x7fff, 0x7fffffff, old + 1, old - 1, old * 2, old >>> 1, r.int(0, max), 8, 12, 99, 0x0801, 0x0808]);
  const v = Math.min(max, Math.max(0, value));
  if (width === U16) out.writeUInt16LE(v, at + offset);
  else out.writeUInt32LE(v, at + offset);
  return { buf: out, how: `${record.name} at ${at}: ${field} ${old} → ${v}` };
}

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export const byteMutators: ReadonlyArray<Mutator<Buffer>> = [
  ['flip bits', (r, buf) => {
    const out = Buffer.from(buf);
    for (let k = r.pick([1, 1, 2, 8, 64]); k > 0 && out.length; k--) out[r.int(0, out.length - 1)] ^= 1 << r.int(0, 7);
    return out;
  }],
  ['overwrite a range with random bytes', (r, buf) => {
    const out = Buffer.from(buf);
    const [a, b] = range(r, out, r.pick([4, 64, 1024]));
    r.bytes(b - a).copy(out, a);
    return out;
  }],
  ['truncate', (r, buf) => (r.chance(0.3) ? buf.subarray(0, Math.max(0, buf.length - r.int(1, 200))) : buf.subarray(0, r.int(0, buf.length - 1)))],
  ['insert random bytes', (r, buf) => {
    const at = r.int(0, buf.length);
    return Buffer.concat([buf.subarray(0, at), r.bytes(r.pick([1, 4, 100, 5000])), buf.subarray(at)]);
  }],
  ['delete a range', (r, buf) => {
    const [a, b] = range(r, buf, r.pick([1, 16, 1024]));
    return Buffer.concat([buf.subarray(0, a), buf.subarray(b)]);
  }],
  ['duplicate a range', (r, buf) => {
    const [a, b] = range(r, buf, r.pick([4, 100, 4096]));
    return Buffer.concat([buf.subarray(0, b), buf.subarray(a, b), buf.subarray(b)]);
  }],
  ['zero a range', (r, buf) => {
    const out = Buffer.from(buf);
    const [a, b] = range(r, out, r.pick([2, 64, 4096]));
    out.fill(0, a, b);
    return out;
  }],
  ['append garbage', (r, buf) => Buffer.concat([buf, r.chance(0.5) ? r.bytes(r.int(1, 300)) : Buffer.from('PK\x05\x06garbage after the end')])],
  ['prefix bytes', (r, buf) => Buffer.concat([r.pick([OLE2, Buffer.from('PK\x03\x04'), Buffer.from('MZ'), Buffer.from([0xef, 0xbb, 0xbf]), r.bytes(r.int(1, 64))]), buf])],
];

// ---------------------------------------------------------------------------------------------
// mutations of an .xlsx's parts (the zip rebuilt with buildZip)

const isSheet = (n: string) => /^xl\/worksheets\/[^/]+\.xml$/i.test(n);
const isStrings = (n: string) => /^xl\/sharedStrings\.xml$/i.test(n);
const isXml = (n: string) => /\.(xml|rels)$/i.test(n);
const textOf = (p: ZipPart) => (Buffer.isBuffer(p.data) ? p.data.toString('utf8') : p.data);

/** `parts` with one part matching `which` (a random one) edited as text; unchanged when none matches. */
function editPart(r: Random, parts: readonly ZipPart[], which: (name: string) => boolean, edit: (text: string) => string): ZipPart[] {
  const at = parts.map((p, i) => (which(p.name) ? i : -1)).filter((i) => i >= 0);
  if (!at.length) return [...parts];
  const i = r.pick(at);
  const out = [...parts];
  out[i] = { ...parts[i], data: edit(textOf(parts[i])) };
  return out;
}

/** `parts` with one part (a random one) changed by `change`. */
function changePart(r: Random, parts: readonly ZipPart[], change: (p: ZipPart) => ZipPart): ZipPart[] {
  if (!parts.length) return [];
  const i = r.int(0, parts.length - 1);
  const out = [...parts];
  out[i] = change(parts[i]);
  return out;
}

/** Text with `insert` at a random point (after the XML declaration when `afterDeclaration`). */
function insertAt(r: Random, text: string, insert: string, afterDeclaration = false): string {
  const decl = text.indexOf('?>');
  const at = afterDeclaration && decl >= 0 ? decl + 2 : r.int(0, text.length);
  return text.slice(0, at) + insert + text.slice(at);
}

/** A sheet's <dimension ref="…"/> set to `ref`, inserted after <worksheet …> when it has none. */
export function setDimension(text: string, ref: string): string {
  const dim = `<dimension ref="${ref}"/>`;
  if (/<dimension\b[^>]*>/.test(text)) return text.replace(/<dimension\b[^>]*>/, dim);
  const ws = /<worksheet\b[^>]*>/.exec(text);
  return ws ? text.slice(0, ws.index + ws[0].length) + dim + text.slice(ws.index + ws[0].length) : dim + text;
}

/** Replaces the `k`-th match (random) of `re` (global) in `text` by `by(match)`. */
function replaceOne(r: Random, text: string, re: RegExp, by: (m: RegExpExecArray) => string): string {
  const all = [...text.matchAll(re)];
  if (!all.length) return text;
  const m = r.pick(all) as RegExpExecArray;
  return text.slice(0, m.index) + by(m) + text.slice(m.index + m[0].length);
}

/** Dimensions past every limit (the guard must refuse them whatever else the file holds). */
export const DIMENSIONS_PAST_LIMITS = ['A1:XFD1048576', '$A$1:$XFD$1048576', 'A1:T5000000'];
const ODD_DIMENSIONS = ['A1:GS200251', 'A1:GR200050', 'XFD1048576:A1', 'A1:A99999999999999999999', 'A1:ZZZZ1', 'A0:B0', 'A1', '', 'A1:T21 B1:C3', '1:1048576', 'a1:t21'];

const DOCTYPES = [
  '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>',
  '<!DOCTYPE r SYSTEM "file:///etc/passwd">',
  '<!doctype worksheet [<!ENTITY % p SYSTEM "http://127.0.0.1:1/x.dtd"> %p;]>',
  '<!ENTITY x SYSTEM "file:///etc/hostname">',
  '<!DocType x>',
];

const WHOLE_SHEET_ELEMENTS = [
  '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
  `<mergeCells count="2000">${Array.from({ length: 2000 }, (_, i) => `<mergeCell ref="A${i * 2 + 1}:B${i * 2 + 2}"/>`).join('')}</mergeCells>`,
  '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="A1:XFD1048576"><formula1>"是,否"</formula1></dataValidation></dataValidations>',
  '<hyperlinks><hyperlink ref="A1:XFD1048576" r:id="rId99"/></hyperlinks>',
  '<conditionalFormatting sqref="A1:XFD1048576"><cfRule type="expression" priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting>',
  '<autoFilter ref="A1:XFD1048576"/>',
  '<cols><col min="1" max="16384" width="9" customWidth="1"/></cols>',
  '<cols><col min="16384" max="1" width="-1"/></cols>',
];

const FORMULAS = [
  '<f>SUM(A1:XFD1048576)</f>',
  '<f t="shared" ref="A1:XFD1048576" si="0">A1</f>',
  '<f t="shared" si="99"/>',
  '<f t="array" ref="A1:XFD1048576">A1:A2</f>',
  '<f t="dataTable" ref="A1:B2" dt2D="1" r1="A1" r2="B1"/>',
  `<f>${'('.repeat(5000)}1${')'.repeat(5000)}</f>`,
];

const BAD_TEXT = ['\u0000', '\u0001', '\u001b', '&#0;', '&#x110000;', '&#xD800;', '&nosuch;', '&amp', '\uFFFE', ']]>', '<![CDATA[x]]>', '<?pi x?>', '<!-- c -->', '<', '&', '"', '\uD800'];
const RENAMES = [
  '../evil.xml', '/xl/worksheets/sheet1.xml', 'xl\\worksheets\\sheet1.xml', 'XL/WORKSHEETS/SHEET1.XML', 'xl/worksheets/sheet1.xml/', 'xl/worksheets/sheet2.xml',
  'xl/worksheets/sheet01.xml', 'xl/worksheets/sheet99999999999999999999.xml', 'xl/sharedstrings.xml', 'xl/workbook.xml', '名单/表.xml', 'xl/worksheets/sheet1.xml\u0000.png', '',
];

/** Mutations of an .xlsx's parts. Heavy ones (seconds of work, megabytes) are in HEAVY_PART_MUTATIONS. */
export const partMutators: ReadonlyArray<Mutator<ZipPart[]>> = [
  ['an oversized dimension', (r, parts) => editPart(r, parts, isSheet, (t) => setDimension(t, r.pick([...DIMENSIONS_PAST_LIMITS, ...ODD_DIMENSIONS])))],
  ['a dimension past every limit', (r, parts) => editPart(r, parts, isSheet, (t) => setDimension(t, r.pick(DIMENSIONS_PAST_LIMITS)))],
  ['a huge shared-string table', (r, parts) => {
    const n = r.pick([600, 5000, 30_000, 100_000]);
    const count = r.pick([String(n), '0', '4294967295', '-1', 'x', '1e20']);
    const items = Array.from({ length: n }, (_, i) => `<si><t>填充${i}</t></si>`).join('');
    const sst = parts.find((p) => isStrings(p.name));
    const rest = parts.filter((p) => !isStrings(p.name));
    const old = sst ? textOf(sst) : '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"></sst>';
    const grown = old.replace(/<\/sst>\s*$/, `${items}</sst>`).replace(/\b(count|uniqueCount)="[^"]*"/g, `$1="${count}"`);
    return [...rest, { name: sst?.name ?? 'xl/sharedStrings.xml', data: grown }];
  }],
  ['a shared-string count that lies', (r, parts) => editPart(r, parts, isStrings, (t) => t.replace(/\b(count|uniqueCount)="[^"]*"/g, () => `${r.pick(['count', 'uniqueCount'])}="${r.pick(['0', '4294967295', '99999999999999999999', '-5', 'NaN'])}"`))],
  ['a sheet claiming millions of rows', (r, parts) =>
    editPart(r, parts, isSheet, (t) => replaceOne(r, t, /<row r="\d+"/g, () => `<row r="${r.pick(['1048576', '1048577', '5000000', '4294967296', '99999999999999999999', '0', '-1', '1e6', 'abc', ''])}"`))],
  ['many rows', (r, parts) =>
    editPart(r, parts, isSheet, (t) => {
      const rows = [...t.matchAll(/<row\b[^>]*>.*?<\/row>/gs)];
      if (!rows.length) return t;
      const last = rows[rows.length - 1];
      const k = r.pick([150, 150, 1000, 3000]);
      const renumber = r.chance(0.5);
      const base = Number(/r="(\d+)"/.exec(last[0])?.[1] ?? 1);
      const copies = Array.from({ length: k }, (_, i) =>
        renumber ? last[0].replace(/(<row\b[^>]*\br=")\d+/, `$1${base + i + 1}`).replace(/(<c\b[^>]*\br="[A-Z]+)\d+/g, `$1${base + i + 1}`) : last[0],
      ).join('');
      return t.slice(0, last.index! + last[0].length) + copies + t.slice(last.index! + last[0].length);
    })],
  ['many cells in a row', (r, parts) =>
    editPart(r, parts, isSheet, (t) => replaceOne(r, t, /<\/row>/g, () => `${Array.from({ length: r.pick([40, 250, 5000]) }, (_, i) => `<c${r.chance(0.5) ? ` r="${colName(i + 21)}2"` : ''}><v>${i}</v></c>`).join('')}</row>`))],
  ['deeply nested XML', (r, parts) => {
    const n = r.pick([100, 5000, 100_000]);
    return editPart(r, parts, isXml, (t) => insertAt(r, t, `${'<x>'.repeat(n)}${r.chance(0.5) ? '</x>'.repeat(n) : ''}`));
  }],
  ['unclosed XML', (r, parts) => editPart(r, parts, isXml, (t) => t.slice(0, r.int(0, t.length)))],
  ['a tag deleted', (r, parts) => editPart(r, parts, isXml, (t) => replaceOne(r, t, /<\/?[A-Za-z][^>]*>/g, () => ''))],
  ['a DOCTYPE or ENTITY', (r, parts) => editPart(r, parts, isXml, (t) => insertAt(r, t, r.pick(DOCTYPES), r.chance(0.6)))],
  ['wrong content types', (r, parts) => {
    const ct = r.pick([
      '', 'not xml at all', '<Types/>', '<?xml version="1.0"?><Types xmlns="x"><Override PartName="/xl/workbook.xml" ContentType="image/png"/></Types>',
      '<?xml version="1.0"?><Types><Default Extension="xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/></Types>',
    ]);
    const rest = parts.filter((p) => p.name !== '[Content_Types].xml');
    return r.chance(0.3) ? rest : [{ name: '[Content_Types].xml', data: ct }, ...rest];
  }],
  ['a mangled workbook.xml', (r, parts) =>
    editPart(r, parts, (n) => n === 'xl/workbook.xml', (t) =>
      r.pick<() => string>([
        () => t.replace(/<sheets>.*<\/sheets>/s, '<sheets/>'),
        () => t.replace(/(<sheet\b[^>]*\bname=")[^"]*/, `$1${'长'.repeat(r.pick([32, 40, 30_000]))}`),
        () => t.replace(/\br:id="[^"]*"/, ''),
        () => t.replace(/(<sheet\b[^>]*\/>)/, '$1$1'),
        () => t.replace(/\bsheetId="\d+"/, 'sheetId="99999999999999999999"'),
        () => t.replace(/(<sheet\b)/, '$1 state="veryHidden"'),
        () => '<workbook/>',
        () => t.replace(/(<sheet\b[^>]*\bname=")[^"]*/, '$1'),
      ])(),
    )],
  ['mangled relationships', (r, parts) =>
    editPart(r, parts, (n) => n.endsWith('.rels'), (t) =>
      replaceOne(r, t, /\bTarget="[^"]*"/g, () => `Target="${r.pick(['worksheets/sheet99.xml', '../../../../etc/passwd', '/xl/worksheets/sheet1.xml', 'http://127.0.0.1:1/x.xml', '', 'worksheets/sheet1.xml#x', 'worksheets/sheet1.xml?x', '\\\\host\\share\\x.xml'])}"${r.chance(0.3) ? ' TargetMode="External"' : ''}`),
    )],
  ['a shared-string index out of range', (r, parts) =>
    editPart(r, parts, isSheet, (t) => {
      let out = t;
      for (let k = r.int(1, 5); k > 0; k--) out = replaceOne(r, out, /(<c\b[^>]*\bt="s"[^>]*>)<v>[^<]*<\/v>/g, (m) => `${m[1]}<v>${r.pick(['999999', '-1', '1.5', 'abc', '', '4294967296', '1e308', '__proto__', 'constructor'])}</v>`);
      return out;
    })],
  ['a wrong cell type', (r, parts) =>
    editPart(r, parts, isSheet, (t) => {
      const type = r.pick(['n', 'b', 'd', 'e', 'str', 'inlineStr', 's', 'zz', '']);
      return r.chance(0.5) ? replaceOne(r, t, /\bt="[^"]*"/g, () => `t="${type}"`) : replaceOne(r, t, /<c\b(?![^>]*\bt=)/g, () => `<c t="${type}"`);
    })],
  ['a garbage cell value', (r, parts) =>
    editPart(r, parts, isSheet, (t) => replaceOne(r, t, /<v>[^<]*<\/v>/g, () => `<v>${r.pick(['1e309', 'NaN', '-0', '0x10', '1'.repeat(400), '', 'Infinity', '2958466', '-693594', '1e-320', '12/31/9999', 'TRUE', '#REF!'])}</v>`))],
  ['a strange cell reference', (r, parts) =>
    editPart(r, parts, isSheet, (t) => replaceOne(r, t, /(<c\b[^>]*?)\br="[^"]*"/g, (m) => `${m[1]}r="${r.pick(['XFD1', 'XFE1', 'ZZZZZZ1', 'A0', 'A-1', '1A', '', 'A99999999999', `${'A'.repeat(20)}1`, 'B1', 'a1'])}"`))],
  ['a formula', (r, parts) => editPart(r, parts, isSheet, (t) => replaceOne(r, t, /(<c\b[^>]*>)/g, (m) => `${m[1]}${r.pick(FORMULAS)}`))],
  ['a whole-sheet range element', (r, parts) =>
    editPart(r, parts, isSheet, (t) => {
      const el = r.pick(WHOLE_SHEET_ELEMENTS);
      return el.startsWith('<cols') ? t.replace(/<sheetData\b/, `${el}<sheetData`) : t.replace(/(<\/sheetData>|<sheetData\/>)/, `$1${el}`);
    })],
  ['bad characters in text', (r, parts) => editPart(r, parts, isXml, (t) => insertAt(r, t, r.pick(BAD_TEXT)))],
  ['invalid UTF-8 in a part', (r, parts) =>
    changePart(r, parts, (p) => {
      const buf = Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data, 'utf8');
      const at = r.int(0, buf.length);
      return { ...p, data: Buffer.concat([buf.subarray(0, at), Buffer.from(r.pick([[0xff], [0xc3], [0xe6, 0x95], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xbc]])), buf.subarray(at)]) };
    })],
  ['a part in UTF-16', (r, parts) =>
    changePart(r, parts, (p) => ({ ...p, data: Buffer.concat([Buffer.from(r.chance(0.5) ? [0xff, 0xfe] : []), Buffer.from(textOf(p).replace('encoding="UTF-8"', 'encoding="UTF-16"'), 'utf16le')]) }))],
  ['a huge string', (r, parts) => {
    const big = r.pick(['长', 'x', '&amp;', '<b/>']).repeat(r.pick([100_000, 1_000_000]));
    return editPart(r, parts, (n) => isStrings(n) || isSheet(n), (t) => replaceOne(r, t, /<t(?: [^>]*)?>/g, (m) => `${m[0]}${big}`));
  }],
  ['a declared size that lies', (r, parts) =>
    changePart(r, parts, (p) => {
      const size = (Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data, 'utf8')).length;
      return { ...p, declaredSize: r.pick([0, 1, Math.max(0, size - 1), size + 1, size * 3, 0xffffffff, r.int(0, 0xffffffff)]) };
    })],
  ['a stored part', (r, parts) => changePart(r, parts, (p) => ({ ...p, method: 0 }))],
  ['a hidden part', (r, parts) =>
    r.chance(0.5)
      ? changePart(r, parts, (p) => ({ ...p, listed: false }))
      : [...parts.slice(0, -1), { name: 'xl/worksheets/sheet9.xml', data: parts.find((p) => isSheet(p.name)) ? textOf(parts.find((p) => isSheet(p.name))!) : '<worksheet/>', listed: false }, ...parts.slice(-1)]],
  ['an encrypted flag', (r, parts) => changePart(r, parts, (p) => ({ ...p, flags: 0x801 }))],
  ['a data-descriptor flag without a descriptor', (r, parts) => changePart(r, parts, (p) => ({ ...p, flags: 0x808 }))],
  ['a duplicated part', (r, parts) => {
    if (!parts.length) return [];
    const p = r.pick(parts);
    const copy = r.chance(0.5) ? p : { ...p, data: isSheet(p.name) ? '<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>假表头</t></is></c></row></sheetData></worksheet>' : '<x/>' };
    const out = [...parts];
    out.splice(r.int(0, out.length), 0, copy);
    return out;
  }],
  ['a deleted part', (r, parts) => {
    const target = r.chance(0.5) ? r.pick(['xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', '_rels/.rels']) : undefined;
    const named = target ? parts.filter((p) => p.name !== target) : parts;
    if (named.length !== parts.length) return named;
    const out = [...parts];
    if (out.length) out.splice(r.int(0, out.length - 1), 1);
    return out;
  }],
  ['parts reordered', (r, parts) => {
    const out = [...parts];
    for (let i = out.length - 1; i > 0; i--) {
      const j = r.int(0, i);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }],
  ['a renamed part', (r, parts) => changePart(r, parts, (p) => ({ ...p, name: r.chance(0.15) ? 'a'.repeat(r.pick([300, 60_000])) : r.pick(RENAMES) }))],
  ['many parts', (r, parts) => [...parts, ...Array.from({ length: r.pick([60, 999, 1001, 3000]) }, (_, i) => ({ name: `xl/media/image${i}.png`, data: 'x' }))]],
  ['a zip-bomb part', (r, parts) => [...parts, { name: r.pick(['xl/media/bomb.bin', 'xl/worksheets/sheet2.xml', 'xl/sharedStrings2.xml']), data: Buffer.alloc(r.pick([2, 2, 8]) * 1024 * 1024, r.pick([0, 0x20, 0x3c])) }]],
  ['a second sheet', (r, parts) => {
    const sheet = parts.find((p) => isSheet(p.name));
    return sheet ? [...parts, { ...sheet, name: r.pick(['xl/worksheets/sheet2.xml', 'xl/worksheets/sheet0.xml', 'xl/worksheets/sheet10.xml']) }] : [...parts];
  }],
  ['an empty sheet', (r, parts) => editPart(r, parts, isSheet, (t) => (r.chance(0.5) ? t.replace(/<sheetData>.*<\/sheetData>/s, '<sheetData/>') : r.pick(['', '<worksheet/>', '<?xml version="1.0"?>'])))],
];

/** Part mutations that cost up to seconds or megabytes: one input in five at most draws from these. */
export const HEAVY_PART_MUTATIONS = new Set(['a huge shared-string table', 'many rows', 'deeply nested XML', 'a huge string', 'many parts', 'a zip-bomb part', 'many cells in a row']);

/** Part mutations after which the guard must refuse the file, whatever else it holds (when they are the only mutation). */
export const MUST_REFUSE = new Set(['a DOCTYPE or ENTITY', 'a dimension past every limit']);

/** Excel's column name of a 1-based index. */
export function colName(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

// ---------------------------------------------------------------------------------------------
// mutations of a CSV's text (before it is encoded)

export const csvMutators: ReadonlyArray<Mutator<string>> = [
  ['an unbalanced quote', (r, t) => insertAt(r, t, '"')],
  ['many columns', (r, t) => {
    const lines = t.split('\n');
    const i = r.int(0, lines.length - 1);
    lines[i] += ',x'.repeat(r.pick([30, 250, 5000]));
    return lines.join('\n');
  }],
  ['a huge field', (r, t) => insertAt(r, t, r.pick(['x', '长', '"']).repeat(r.pick([10_000, 10_000, 300_000])))],
  ['many blank lines', (r, t) => insertAt(r, t, r.pick(['\n', '\r\n', ',,,,\n']).repeat(r.pick([1000, 1000, 10_000])))],
  ['a NUL character', (r, t) => insertAt(r, t, '\u0000')],
  ['lone CR line ends', (_r, t) => t.replace(/\r?\n/g, '\r')],
  ['tabs for some commas', (r, t) => t.replace(/,/g, () => (r.chance(0.3) ? '\t' : ','))],
  ['the header alone', (_r, t) => t.split(/\r?\n/)[0]],
  ['many rows', (r, t) => {
    const lines = t.split(/\r?\n/).filter(Boolean);
    return [...lines, ...Array.from({ length: r.pick([150, 150, 1000]) }, () => lines[lines.length - 1])].join('\r\n');
  }],
  ['semicolons for a comma', (r, t) => replaceOne(r, t, /,/g, () => ';')],
  ['everything quoted, line breaks inside', (r, t) => t.replace(/[^,\r\n]+/g, (f) => (r.chance(0.3) ? `"${f}\n${f}"` : `"${f}"`))],
  ['odd characters', (r, t) => insertAt(r, t, r.pick(['\uFEFF', '\uFFFD', '\u202E', '\uD800', '😀', '=HYPERLINK("http://x")', '\u2028', '\u0085']))],
  ['empty', () => ''],
];

/** CSV mutations that cost tens of milliseconds or more: drawn one time in ten. */
export const HEAVY_CSV_MUTATIONS = new Set(['a huge field', 'many blank lines', 'many rows', 'many columns']);

/** How a CSV's text becomes bytes. */
export const CSV_ENCODINGS = ['utf8', 'utf8 BOM', 'gbk', 'utf16le BOM', 'utf16le', 'utf16be BOM'] as const;
export type CsvEncodingName = (typeof CSV_ENCODINGS)[number];

/** A CSV's text as bytes in `encoding`. */
export function encodeCsv(text: string, encoding: CsvEncodingName): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8 BOM':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'gbk':
      return iconv.encode(text, 'gbk');
    case 'utf16le BOM':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16le':
      return Buffer.from(text, 'utf16le');
    case 'utf16be BOM':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  }
}
