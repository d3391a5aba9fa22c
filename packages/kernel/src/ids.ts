import { randomFillSync } from 'node:crypto';

/**
 * Random bytes drawn from the system in blocks: one system call per 512 ids instead of one each
 * (randomBytes(16) per id cost about 9 µs, more than the rest of making the id).
 */
const pool = Buffer.alloc(4096);
let poolAt = pool.length;

/** Fills `target` from `offset` to its end with random bytes. */
function randomInto(target: Buffer, offset: number): void {
  const n = target.length - offset;
  if (poolAt + n > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  pool.copy(target, offset, poolAt, poolAt + n);
  poolAt += n;
}

let lastMs = 0;
let seq = 0;

/**
 * A new opaque id: a UUIDv7 (RFC 9562), time-ordered so that pages by id follow insertion order
 * and index inserts stay local. Within one millisecond a 12-bit counter (rand_a) keeps ids made by
 * this process in creation order.
 */
export function newId(): string {
  let ms = Date.now();
  if (ms <= lastMs) {
    seq++;
    if (seq > 0xfff) {
      // 4,096 ids in one millisecond: borrow the next millisecond
      lastMs++;
      seq = 0;
    }
    ms = lastMs;
  } else {
    lastMs = ms;
    seq = 0;
  }
  const bytes = Buffer.allocUnsafe(16);
  // 48-bit milliseconds, big-endian (beyond 32 bits, so not with bit operators)
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = 0x70 | ((seq >> 8) & 0x0f);
  bytes[7] = seq & 0xff;
  randomInto(bytes, 8);
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
