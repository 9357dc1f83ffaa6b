// Draws Pizhu's icon (a seal-red tile with two highlighter strokes) as PNGs at 16/32/48/128 px.
// Run once with `npx tsx scripts/make-icons.ts`; the PNGs are committed in icons/.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf: Buffer) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** Coverage of a pixel by a rounded rectangle, 4x4 supersampled for smooth edges. */
function coverage(x: number, y: number, [x0, y0, x1, y1, r]: number[]): number {
  let hits = 0;
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 4; j++) {
      const px = x + (i + 0.5) / 4;
      const py = y + (j + 0.5) / 4;
      const dx = Math.max(x0 + r - px, 0, px - (x1 - r));
      const dy = Math.max(y0 + r - py, 0, py - (y1 - r));
      if (px >= x0 && px <= x1 && py >= y0 && py <= y1 && dx * dx + dy * dy <= r * r) hits++;
    }
  return hits / 16;
}

for (const size of [16, 32, 48, 128]) {
  const s = size / 128;
  const tile = [4 * s, 4 * s, 124 * s, 124 * s, 26 * s];
  const strokes = [
    [26 * s, 38 * s, 102 * s, 58 * s, 6 * s],
    [26 * s, 72 * s, 78 * s, 92 * s, 6 * s],
  ];
  const image = png(size, (x, y) => {
    const bg = coverage(x, y, tile);
    const fg = Math.max(...strokes.map((r) => coverage(x, y, r)));
    const mix = (a: number, b: number) => Math.round(a * (1 - fg) + b * fg);
    return [mix(0xa8, 0xff), mix(0x32, 0xe0), mix(0x2d, 0x6a), Math.round(255 * Math.max(bg, fg))];
  });
  writeFileSync(`icons/icon-${size}.png`, image);
}
