import { createRequire } from 'node:module';
import { randomFrom, type Random } from './random';

/**
 * Illustrative pictures for the sample content: a sky gradient, a sun and layered hills drawn as
 * SVG and encoded as JPEG with sharp. The same key always gives the same picture, so re-seeding a
 * fresh database produces the same covers.
 *
 * There is deliberately no text in the picture: librsvg renders text with whatever fonts the
 * machine has, and slim containers have none with Vietnamese glyphs (the result would be boxes).
 */

// sharp ships with Strapi's upload plugin; resolve it from there rather than relying on hoisting.
const requireHere = createRequire(import.meta.url);
const requireFromUpload = createRequire(requireHere.resolve('@strapi/upload/package.json'));
const sharp = requireFromUpload('sharp') as typeof import('sharp').default;

export const COVER_WIDTH = 1200;
export const COVER_HEIGHT = 675;

interface Palette {
  sky: [string, string];
  sun: string;
  hills: [string, string, string];
}

const PALETTES: Palette[] = [
  { sky: ['#0f4c81', '#f6c28b'], sun: '#fff2cc', hills: ['#3b6e8f', '#24536b', '#123347'] },
  { sky: ['#7b2d26', '#f7b267'], sun: '#fde2a7', hills: ['#a0522d', '#6b3a1f', '#3d2412'] },
  { sky: ['#1b4332', '#b7e4c7'], sun: '#f1faee', hills: ['#52b788', '#2d6a4f', '#1b4332'] },
  { sky: ['#3a0ca3', '#f72585'], sun: '#ffd6ec', hills: ['#7209b7', '#560bad', '#2b0a5c'] },
  { sky: ['#005f73', '#e9d8a6'], sun: '#fff8e1', hills: ['#0a9396', '#007078', '#00454d'] },
  { sky: ['#6a040f', '#ffba08'], sun: '#fff3b0', hills: ['#d00000', '#9d0208', '#370617'] },
  { sky: ['#283618', '#dda15e'], sun: '#fefae0', hills: ['#606c38', '#3f4a24', '#283618'] },
  { sky: ['#14213d', '#fca311'], sun: '#ffe8c2', hills: ['#315a8a', '#223f63', '#14213d'] },
];

/** A closed path of a smooth ridge across the picture at about `baseline` (0..1 of the height). */
function ridge(random: Random, baseline: number, amplitude: number): string {
  const step = COVER_WIDTH / 6;
  const points: [number, number][] = [];
  for (let x = -step; x <= COVER_WIDTH + step; x += step) {
    points.push([x, COVER_HEIGHT * (baseline + (random() - 0.5) * amplitude)]);
  }
  // Quadratic curves through the midpoints give a soft, hand-drawn looking ridge line.
  let d = `M${points[0][0]},${points[0][1].toFixed(1)}`;
  for (let i = 1; i < points.length - 1; i++) {
    const [x, y] = points[i];
    const [nx, ny] = points[i + 1];
    d += ` Q${x},${y.toFixed(1)} ${((x + nx) / 2).toFixed(1)},${((y + ny) / 2).toFixed(1)}`;
  }
  return `${d} L${COVER_WIDTH + step},${COVER_HEIGHT} L${-step},${COVER_HEIGHT} Z`;
}

/** The SVG source of the picture for `key`. */
export function coverSvg(key: string): string {
  const random = randomFrom(key);
  const palette = PALETTES[Math.floor(random() * PALETTES.length)];
  const sunX = Math.round(COVER_WIDTH * (0.15 + random() * 0.7));
  const sunY = Math.round(COVER_HEIGHT * (0.2 + random() * 0.15));
  const sunR = Math.round(50 + random() * 40);
  const hills = palette.hills
    .map(
      (fill, i) =>
        `<path d="${ridge(random, 0.55 + i * 0.13, 0.22 - i * 0.04)}" fill="${fill}" opacity="${0.85 + i * 0.05}"/>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${COVER_WIDTH}" height="${COVER_HEIGHT}" viewBox="0 0 ${COVER_WIDTH} ${COVER_HEIGHT}">
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${palette.sky[0]}"/><stop offset="1" stop-color="${palette.sky[1]}"/></linearGradient>
<radialGradient id="glow"><stop offset="0" stop-color="${palette.sun}" stop-opacity="0.6"/><stop offset="1" stop-color="${palette.sun}" stop-opacity="0"/></radialGradient></defs>
<rect width="100%" height="100%" fill="url(#sky)"/>
<circle cx="${sunX}" cy="${sunY}" r="${sunR * 3}" fill="url(#glow)"/>
<circle cx="${sunX}" cy="${sunY}" r="${sunR}" fill="${palette.sun}"/>
${hills}
</svg>`;
}

/** The JPEG bytes of the picture for `key` (about 30–60 kB). */
export async function renderCoverJpeg(key: string): Promise<Buffer> {
  return sharp(Buffer.from(coverSvg(key)))
    .jpeg({ quality: 82, mozjpeg: true })
    .toBuffer();
}
