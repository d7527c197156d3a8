// Draws the toolbar icon (a white bookmark with a check notch on ICC blue) at the sizes the stores want and
// writes PNGs to extension/public/icon/. Run once after changing the design: `npx tsx scripts/make-icons.ts`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf: Buffer) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Coverage of a unit-square shape, supersampled 4×4 for smooth edges. */
function shape(u: number, v: number): 'bg' | 'mark' | 'none' {
  const r = 0.18;
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return 'none';
  // Bookmark: a rectangle from (0.3,0.2) to (0.7,0.82) with a V cut at the bottom.
  const inRect = u > 0.3 && u < 0.7 && v > 0.2 && v < 0.82;
  const notch = v > 0.62 && Math.abs(u - 0.5) < (v - 0.62) * 1.0;
  return inRect && !notch ? 'mark' : 'bg';
}

const out = 'extension/public/icon';
mkdirSync(out, { recursive: true });
for (const size of [16, 32, 48, 96, 128]) {
  const image = png(size, (x, y) => {
    let bg = 0;
    let mark = 0;
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++) {
        const s = shape((x + (i + 0.5) / 4) / size, (y + (j + 0.5) / 4) / size);
        if (s === 'bg') bg++;
        else if (s === 'mark') mark++;
      }
    const alpha = (bg + mark) / 16;
    const m = mark / Math.max(1, bg + mark);
    const mix = (a: number, b: number) => Math.round(a * (1 - m) + b * m);
    return [mix(0x1f, 0xff), mix(0x4e, 0xff), mix(0x8c, 0xff), Math.round(alpha * 255)];
  });
  writeFileSync(`${out}/${size}.png`, image);
}
console.log(`icons written to ${out}`);
