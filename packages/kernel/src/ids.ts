import { randomBytes } from 'node:crypto';

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
  const bytes = randomBytes(16);
  const big = BigInt(ms);
  for (let i = 0; i < 6; i++) bytes[i] = Number((big >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = 0x70 | ((seq >> 8) & 0x0f);
  bytes[7] = seq & 0xff;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
