/**
 * The render phase: Vega-Lite spec → Vega (vega-lite compile) → SVG (vega View, renderer 'none':
 * no canvas, no DOM) → PNG (resvg, with the shipped DejaVu Sans subset so text never vanishes).
 * Every SVG and PNG carries the report's provenance.
 */
import { Resvg } from '@resvg/resvg-js';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, View, type LoggerInterface, type Spec as VegaSpec } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** DejaVu Sans (Latin, Greek, arrows, math) subset shipped with Concentric; see assets/fonts/README.md. */
export const FONT_FILES = ['DejaVuSans-subset.ttf', 'DejaVuSans-Bold-subset.ttf'].map((name) =>
  fileURLToPath(new URL(`../../assets/fonts/${name}`, import.meta.url)),
);
export const FONT_FAMILY = 'DejaVu Sans';

export interface Compiled {
  readonly vega: VegaSpec;
  /** vega-lite compiler warnings (a chart that warns is a chart to fix) */
  readonly warnings: readonly string[];
}

/** A vega logger that keeps warnings and errors instead of printing them. */
class CollectingLogger implements LoggerInterface {
  readonly messages: string[] = [];
  level(): number {
    return 2; // warn
  }
  error(...args: unknown[]): this {
    this.messages.push(args.map(String).join(' '));
    return this;
  }
  warn(...args: unknown[]): this {
    this.messages.push(args.map(String).join(' '));
    return this;
  }
  info(): this {
    return this;
  }
  debug(): this {
    return this;
  }
}

export function toVega(spec: TopLevelSpec): Compiled {
  const logger = new CollectingLogger();
  const { spec: vega } = compile(spec, { logger });
  return { vega, warnings: logger.messages };
}

export async function toSvg(vega: VegaSpec): Promise<string> {
  const view = new View(parse(vega), { renderer: 'none', logLevel: 0 });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Put a title, a description and machine-readable provenance inside the SVG. */
export function withSvgProvenance(svg: string, title: string, description: string, provenance: unknown): string {
  const open = svg.indexOf('>', svg.indexOf('<svg')) + 1;
  const json = JSON.stringify(provenance).replace(/]]>/g, ']]]]><![CDATA[>');
  const inserted =
    `<title>${escapeXml(title)}</title><desc>${escapeXml(description)}</desc>` +
    `<metadata><![CDATA[${json}]]></metadata>`;
  return svg.slice(0, open) + inserted + svg.slice(open);
}

export function fontsAvailable(): boolean {
  return FONT_FILES.every((file) => existsSync(file));
}

function rasterizer(svg: string): Resvg {
  return new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    background: 'white',
    font: {
      loadSystemFonts: false,
      fontFiles: FONT_FILES,
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
  });
}

/** Render an SVG to PNG at 2× with the shipped fonts only (deterministic across machines). */
export function toPng(svg: string, provenance: unknown): Buffer {
  const png = rasterizer(svg).render().asPng();
  return withPngText(png, 'Description', JSON.stringify(provenance));
}

/** Raw RGBA pixels of the PNG rendering (tests check that text really is drawn). */
export function toPixels(svg: string): { width: number; height: number; pixels: Buffer } {
  const image = rasterizer(svg).render();
  return { width: image.width, height: image.height, pixels: image.pixels };
}

// PNG iTXt chunk (UTF-8 text) inserted before IEND.
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function withPngText(png: Buffer, keyword: string, text: string): Buffer {
  const data = Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.from([0, 0, 0, 0, 0]), Buffer.from(text, 'utf8')]);
  const type = Buffer.from('iTXt', 'latin1');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([type, data])));
  const iend = png.length - 12; // IEND is the last chunk: 4 length + 4 type + 4 crc
  return Buffer.concat([png.subarray(0, iend), length, type, data, crc, png.subarray(iend)]);
}

/** Read a PNG's iTXt chunks (for tests and for anyone checking an image's provenance). */
export function pngText(png: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let offset = 8;
  while (offset + 8 <= png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    if (type === 'iTXt') {
      const data = png.subarray(offset + 8, offset + 8 + length);
      const zero = data.indexOf(0);
      const keyword = data.toString('latin1', 0, zero);
      // keyword \0 flag method language \0 translated \0 text
      let cursor = zero + 3;
      cursor = data.indexOf(0, cursor) + 1;
      cursor = data.indexOf(0, cursor) + 1;
      out[keyword] = data.toString('utf8', cursor);
    }
    offset += 12 + length;
  }
  return out;
}
