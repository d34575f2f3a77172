/**
 * `--help` descriptions laid out for the reader's terminal. Commanders' own wrapping keeps every
 * newline in a description, so a paragraph written across several source lines broke mid-phrase
 * ("…around the\nfirst-engaged\nunits"). Here a description is prose: paragraphs are separated by a
 * blank line, the lines of a paragraph are joined and re-wrapped at word boundaries to the help
 * width (the terminal's columns, 80 when not a terminal). A line that starts with spaces is a list
 * item: it starts a new line and its continuation lines hang under its first word.
 */

/** One logical line: its indent and its words joined by single spaces. */
interface Line {
  readonly indent: number;
  readonly text: string;
}

function logicalLines(paragraph: string): Line[] {
  const lines: Line[] = [];
  for (const raw of paragraph.split('\n')) {
    const indent = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text === '') continue;
    const last = lines.at(-1);
    // A line that starts at the margin continues the line before it (prose written across
    // source lines); an indented one starts a list item; a deeper-indented one continues an item.
    if (last !== undefined && (indent === 0 ? last.indent === 0 : last.indent > 0 && indent > last.indent)) {
      lines[lines.length - 1] = { indent: last.indent, text: `${last.text} ${text}` };
    } else {
      lines.push({ indent, text });
    }
  }
  return lines;
}

/** Word-wrap one logical line to `width`; continuation lines indented by `hang` more. */
function wrapLine(line: Line, width: number, hang: number): string[] {
  const out: string[] = [];
  let current = ' '.repeat(line.indent);
  let empty = true;
  for (const word of line.text.split(' ')) {
    const candidate = empty ? current + word : `${current} ${word}`;
    if (!empty && [...candidate].length > width) {
      out.push(current);
      current = ' '.repeat(line.indent + (line.indent > 0 ? hang : 0)) + word;
    } else {
      current = candidate;
    }
    empty = false;
  }
  out.push(current);
  return out;
}

/** The description re-wrapped to `width` columns (paragraphs kept, lines within them joined). */
export function wrapHelpText(text: string, width: number): string {
  const usable = Math.max(40, width);
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => logicalLines(paragraph).flatMap((line) => wrapLine(line, usable, 2)).join('\n'))
    .join('\n\n');
}
