// Draws the app icon (an upward arrow into a tray on Lexer-ish purple) and writes PNGs with
// node:zlib alone, so the icons can be regenerated without an image editor:
//   node assets/make-icons.mjs
// assets/icons/NxN.png: the sizes a Linux package installs into the hicolor theme (electron-builder
// takes a folder of NxN.png as they are), the 1024 px one for the macOS icns and the Windows ico;
// assets/tray/: the tray icon (16 px and its @2x for high-density screens), packed with the app.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

/** RGBA of the pixel at (x, y) in unit coordinates (0..1). */
function pixel(u, v) {
  // rounded square background with a diagonal gradient
  const r = 0.18;
  const dx = Math.max(r - u, 0, u - (1 - r));
  const dy = Math.max(r - v, 0, v - (1 - r));
  const inside = dx * dx + dy * dy <= r * r && u >= 0.02 && u <= 0.98 && v >= 0.02 && v <= 0.98;
  if (!inside) return [0, 0, 0, 0];
  const t = (u + v) / 2;
  const bg = [Math.round(92 - 40 * t), Math.round(46 + 20 * t), Math.round(196 - 30 * t), 255];
  const white = [255, 255, 255, 255];
  const shaft = Math.abs(u - 0.5) < 0.07 && v > 0.3 && v < 0.66;
  const head = v >= 0.2 && v <= 0.38 && Math.abs(u - 0.5) <= (v - 0.2) * 1.1;
  const trayBottom = v > 0.74 && v < 0.8 && u > 0.24 && u < 0.76;
  const traySides = v > 0.6 && v <= 0.8 && ((u > 0.24 && u < 0.3) || (u > 0.7 && u < 0.76));
  return shaft || head || trayBottom || traySides ? white : bg;
}

function png(size) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let x = 0; x < size; x++) row.set(pixel((x + 0.5) / size, (y + 0.5) / size), 1 + x * 4);
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Every size written to assets/icons/ (the hicolor sizes desktops look for, up to macOS's 1024). */
export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const dir = new URL('.', import.meta.url);
mkdirSync(new URL('icons/', dir), { recursive: true });
mkdirSync(new URL('tray/', dir), { recursive: true });
for (const size of ICON_SIZES) writeFileSync(new URL(`icons/${size}x${size}.png`, dir), png(size));
writeFileSync(new URL('tray/tray.png', dir), png(16));
writeFileSync(new URL('tray/tray@2x.png', dir), png(32));
console.log(`assets: icons/ (${ICON_SIZES.join(', ')} px) and tray/ written`);
