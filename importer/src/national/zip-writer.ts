import type { Writable } from 'node:stream';
import { crc32 } from 'node:zlib';

/** Writes a chunk and waits while the stream is full, so a slow client holds back the writer. */
async function put(out: Writable, chunk: Buffer): Promise<void> {
  if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
}

/**
 * A zip written entry by entry to a stream: each entry a whole buffer (a school's workbook, already
 * compressed, so stored as it is), the central directory at the end. Names are UTF-8 (flag 0x800),
 * so Chinese school names survive. No ZIP64: a district's workbooks stay far below 4 GB.
 * @example const zip = new ZipWriter(res); await zip.add('4101020001-中原区第一实验小学.xlsx', buf); await zip.end();
 */
export class ZipWriter {
  private offset = 0;
  private readonly central: Buffer[] = [];

  constructor(private readonly out: Writable) {}

  async add(name: string, data: Buffer): Promise<void> {
    const fileName = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x800, 8);
    cd.writeUInt16LE(0, 10);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(data.length, 20);
    cd.writeUInt32LE(data.length, 24);
    cd.writeUInt16LE(fileName.length, 28);
    cd.writeUInt32LE(this.offset, 42);
    this.central.push(cd, fileName);
    await put(this.out, Buffer.concat([local, fileName]));
    await put(this.out, data);
    this.offset += 30 + fileName.length + data.length;
  }

  async end(): Promise<void> {
    const directory = Buffer.concat(this.central);
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(this.central.length / 2, 8);
    eocd.writeUInt16LE(this.central.length / 2, 10);
    eocd.writeUInt32LE(directory.length, 12);
    eocd.writeUInt32LE(this.offset, 16);
    await put(this.out, directory);
    await new Promise<void>((resolve, reject) => this.out.end(eocd, (e?: Error | null) => (e ? reject(e) : resolve())));
  }
}
