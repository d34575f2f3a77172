/**
 * Glyphs and colours. Every frame is built from pre-coloured strings (one per screen row), so
 * colour is decided here once: a Palette maps a style to its SGR prefix, or to nothing when
 * colour is off (NO_COLOR, TERM=dumb). Stages stay distinguishable without colour: each stage
 * has its own glyph, a circle filling up as a person moves along the pathway.
 */
import { STAGES } from '../sim/index.js';

export type ColourDepth = 'none' | '16' | '256';

/** Colour depth for a terminal: NO_COLOR wins, then FORCE_COLOR, TERM and COLORTERM. */
export function colourDepthFor(env: NodeJS.ProcessEnv): ColourDepth {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 'none';
  if (env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false') return 'none';
  const term = env.TERM ?? '';
  if (term === 'dumb') return 'none';
  if (/256|truecolor|direct/i.test(term) || /truecolor|24bit/i.test(env.COLORTERM ?? '')) return '256';
  return '16';
}

export interface GlyphSet {
  /** one glyph per stage (index into STAGES) */
  readonly stages: readonly string[];
  readonly ispBusy: string;
  readonly ispFree: string;
  /** sparkline levels, lowest first */
  readonly spark: readonly string[];
  readonly play: string;
  readonly pause: string;
}

export const UNICODE_GLYPHS: GlyphSet = {
  stages: ['·', '∘', '○', '◔', '◑', '◕', '●'],
  ispBusy: '◆',
  ispFree: '◇',
  spark: ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'],
  play: '▶',
  pause: '‖',
};

/** For fonts or consoles without the geometric shapes: initials of the stages. */
export const ASCII_GLYPHS: GlyphSet = {
  stages: ['.', 'c', 't', 'a', 'l', 'A', 'S'],
  ispBusy: '#',
  ispFree: '=',
  spark: ['_', '.', '-', '~', '=', '*', '#', '@'],
  play: '>',
  pause: '||',
};

/** Ways a staff glyph is marked besides its stage. */
export const Mark = { none: 0, engagedUnit: 1, implementationTeam: 2 } as const;
export type Mark = (typeof Mark)[keyof typeof Mark];

/** Named styles for everything that is not a staff glyph. */
export const Tone = {
  plain: 0,
  dim: 1,
  bold: 2,
  accent: 3,
  isp: 4,
  warn: 5,
  seriesA: 6,
  seriesB: 7,
  seriesBoth: 8,
  good: 9,
} as const;
export type Tone = (typeof Tone)[keyof typeof Tone];

// Stage colours run cold → warm → green: not yet reached, warming to the ISPs, applying.
const STAGE_256 = [244, 67, 39, 178, 208, 41, 46];
const STAGE_16 = [90, 34, 36, 33, 35, 32, 92];
const TONE_256 = ['', '38;5;244', '1', '38;5;81', '1;38;5;213', '38;5;203', '38;5;214', '38;5;45', '1;38;5;255', '38;5;41'];
const TONE_16 = ['', '90', '1', '96', '1;95', '91', '33', '36', '1;97', '32'];

/** The faint background of the rings' bands, so each ring reads as a ring. */
const BAND_256 = 235;

const RESET = '\x1b[0m';

export interface Palette {
  readonly depth: ColourDepth;
  readonly glyphs: GlyphSet;
  /** SGR prefix ('' when plain) for a staff glyph of `stage` with `mark`, on a ring's band or not */
  stageStyle(stage: number, mark: Mark, band?: boolean): string;
  /** the background of a ring's band ('' where bands are not drawn: NO_COLOR, 16 colours) */
  readonly bandStyle: string;
  toneStyle(tone: Tone): string;
  /** text wrapped in a style, reset after */
  paint(tone: Tone, text: string): string;
  stageGlyph(stage: number): string;
  /** a staff glyph, painted */
  stage(stage: number, text?: string, mark?: Mark): string;
}

function sgr(codes: string): string {
  return codes === '' ? '' : `\x1b[${codes}m`;
}

export function createPalette(depth: ColourDepth, glyphs: GlyphSet = UNICODE_GLYPHS): Palette {
  const stageStyles: string[] = [];
  for (let band = 0; band < 2; band++) {
    for (let stage = 0; stage < STAGES.length; stage++) {
      for (let mark = 0; mark < 3; mark++) {
        const codes: string[] = [];
        if (depth === '256') codes.push(`38;5;${STAGE_256[stage]}`);
        if (depth === '16') codes.push(String(STAGE_16[stage]));
        // Engaged units: underlined (readable without colour too); the implementation team also bold.
        if (mark >= Mark.engagedUnit) codes.push('4');
        if (mark === Mark.implementationTeam) codes.push('1');
        if (band && depth === '256') codes.push(`48;5;${BAND_256}`);
        stageStyles.push(sgr(codes.join(';')));
      }
    }
  }
  const bandStyle = depth === '256' ? sgr(`48;5;${BAND_256}`) : '';
  const tones = (depth === '256' ? TONE_256 : depth === '16' ? TONE_16 : TONE_256.map((_, t) => (t === Tone.bold || t === Tone.isp ? '1' : ''))).map(sgr);
  const paint = (style: string, text: string): string => (style === '' || text === '' ? text : style + text + RESET);
  return {
    depth,
    glyphs,
    stageStyle: (stage, mark, band = false) => stageStyles[(band ? STAGES.length * 3 : 0) + stage * 3 + mark],
    bandStyle,
    toneStyle: (tone) => tones[tone],
    paint: (tone, text) => paint(tones[tone], text),
    stageGlyph: (stage) => glyphs.stages[stage],
    stage: (stage, text = glyphs.stages[stage], mark = Mark.none) => paint(stageStyles[stage * 3 + mark], text),
  };
}

const BLANKS = /^ +$/;
const spaceSafeCache = new Map<string, boolean>();

/** Does a style leave blanks looking blank? (no underline, no background) */
function spaceSafe(style: string): boolean {
  let safe = spaceSafeCache.get(style);
  if (safe === undefined) {
    const codes = style.replace(/\x1b\[|m/g, ';').split(';');
    safe = true;
    for (let k = 0; k < codes.length; k++) {
      const code = codes[k];
      if (code === '38') k += 2; // 38;5;n: a foreground colour
      else if (code === '4' || code === '7' || code === '48' || /^(4[0-7]|10[0-7])$/.test(code)) safe = false;
    }
    spaceSafeCache.set(style, safe);
  }
  return safe;
}

/**
 * Builds one screen row from styled runs, emitting an SGR code only where the style changes:
 * a row of 80 glyphs in one colour costs one escape sequence, not 80.
 */
export class RowBuilder {
  private text = '';
  private style = '';
  private length = 0;

  add(style: string, chunk: string): this {
    if (chunk === '') return this;
    // Blanks need no style of their own unless the current one shows on blanks (underline,
    // background): glyphs of one colour a space apart then share one escape sequence.
    if (style === '' && this.style !== '' && spaceSafe(this.style) && BLANKS.test(chunk)) style = this.style;
    if (style !== this.style) {
      if (this.style !== '') this.text += RESET;
      this.text += style;
      this.style = style;
    }
    this.text += chunk;
    this.length += chunk.length;
    return this;
  }

  /** visible width so far (all glyphs used here are one column wide) */
  get width(): number {
    return this.length;
  }

  pad(width: number): this {
    return width > this.length ? this.add('', ' '.repeat(width - this.length)) : this;
  }

  toString(): string {
    return this.style === '' ? this.text : this.text + RESET;
  }
}

/** Pad or cut plain text to exactly `width` columns. */
export function fit(text: string, width: number): string {
  if (width <= 0) return '';
  if (text.length > width) return width > 1 ? text.slice(0, width - 1) + '…' : text.slice(0, width);
  return text.padEnd(width);
}
