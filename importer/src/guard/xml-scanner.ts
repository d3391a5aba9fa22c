/**
 * Counts what matters in an XML part as its inflated bytes stream by, without parsing it: a
 * DOCTYPE or ENTITY declaration, rows and cells of a worksheet (and the most cells in one row),
 * shared-string items, and the sheet's declared dimension. Tokens cut by a chunk boundary are
 * carried over to the next chunk.
 */
export class XmlScanner {
  bytes = 0;
  doctype = false;
  rows = 0;
  cells = 0;
  maxCellsInRow = 0;
  sharedStrings = 0;
  /** <dimension ref="A1:T100001">, when the part declares one near its start */
  dimension?: { rows: number; columns: number };
  /** cells of the row being read */
  cellsInRow = 0;
  private carry: Buffer = Buffer.alloc(0);
  private head = '';

  /** Bytes kept from one chunk to the next: enough for the longest token looked for. */
  private static readonly LOOKAHEAD = 16;

  push(chunk: Buffer): void {
    this.bytes += chunk.length;
    if (this.head.length < 4096) this.readHead(chunk);
    const buf = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    const limit = buf.length - XmlScanner.LOOKAHEAD;
    const rest = this.scan(buf, Math.max(0, limit));
    this.carry = Buffer.from(buf.subarray(Math.min(rest, buf.length)));
  }

  end(): void {
    this.scan(this.carry, this.carry.length);
    this.carry = Buffer.alloc(0);
    this.maxCellsInRow = Math.max(this.maxCellsInRow, this.cellsInRow);
  }

  /** Scans every `<` before `until`; returns where the unscanned rest starts. */
  private scan(buf: Buffer, until: number): number {
    let i = buf.indexOf(0x3c);
    while (i !== -1 && i < until) {
      const a = buf[i + 1];
      if (a === 0x63 /* c */) {
        const b = buf[i + 2];
        if (b === 0x20 || b === 0x3e || b === 0x2f) {
          this.cells++;
          this.cellsInRow++;
        }
      } else if (a === 0x72 /* r */ && buf[i + 2] === 0x6f && buf[i + 3] === 0x77 && (buf[i + 4] === 0x20 || buf[i + 4] === 0x3e)) {
        this.rows++;
        if (this.cellsInRow > this.maxCellsInRow) this.maxCellsInRow = this.cellsInRow;
        this.cellsInRow = 0;
      } else if (a === 0x73 /* s */ && buf[i + 2] === 0x69 && (buf[i + 3] === 0x20 || buf[i + 3] === 0x3e)) {
        this.sharedStrings++;
      } else if (a === 0x21 /* ! */) {
        const word = buf.toString('latin1', i + 2, i + 9).toUpperCase();
        if (word.startsWith('DOCTYPE') || word.startsWith('ENTITY')) this.doctype = true;
      }
      i = buf.indexOf(0x3c, i + 1);
    }
    return i === -1 ? buf.length : i;
  }

  private readHead(chunk: Buffer): void {
    this.head += chunk.toString('latin1', 0, Math.min(chunk.length, 4096 - this.head.length));
    const m = /<dimension\s+ref="\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?"/.exec(this.head);
    if (m && !this.dimension) {
      const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      const [c1, r1] = [col(m[1]), Number(m[2])];
      const [c2, r2] = m[3] ? [col(m[3]), Number(m[4])] : [c1, r1];
      this.dimension = { rows: r2 - r1 + 1, columns: c2 - c1 + 1 };
    }
  }
}
