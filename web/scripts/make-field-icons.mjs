// Draws the field app's PNG icons (a white shield with a cross on the programme's blue, full bleed so
// Android may mask it) without an image library: rasterise, then write a PNG with node:zlib.
// Run once: node web/scripts/make-field-icons.mjs. The results are committed in web/public/field/.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [0x0b, 0x4f, 0x8a];
const WHITE = [0xff, 0xff, 0xff];

/** In the favicon's 32-unit box: the shield and the cross on it. */
function isInShield(x, y) {
  if (y < 2 || y > 30 || x < 4 || x > 28) return false;
  if (y < 6) return Math.abs(x - 16) <= ((y - 2) / 4) * 12;
  if (y <= 15) return true;
  const t = (y - 15) / 15;
  return Math.abs(x - 16) <= 12 * Math.sqrt(Math.max(0, 1 - t * t));
}
const isInCross = (x, y) => (x >= 10 && x <= 22 && y >= 15.5 && y <= 18.5) || (x >= 14.5 && x <= 17.5 && y >= 10 && y <= 24);

function colourAt(size, px, py) {
  // The shield fills the middle 60 % (the safe zone of a maskable icon).
  const u = ((px / size - 0.5) / 0.6) * 32 + 16;
  const v = ((py / size - 0.5) / 0.6) * 32 + 16;
  if (isInShield(u, v)) return isInCross(u, v) ? BLUE : WHITE;
  return BLUE;
}

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function drawPng(size) {
  const samples = 4;
  const rows = [];
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x += 1) {
      const sum = [0, 0, 0];
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const colour = colourAt(size, x + (sx + 0.5) / samples, y + (sy + 0.5) / samples);
          for (let c = 0; c < 3; c += 1) sum[c] += colour[c];
        }
      }
      for (let c = 0; c < 3; c += 1) row[1 + x * 3 + c] = Math.round(sum[c] / (samples * samples));
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const target = new URL('../public/field/', import.meta.url);
for (const size of [192, 512]) writeFileSync(new URL(`icon-${size}.png`, target), drawPng(size));
