/**
 * Text from the user (scenario and sweep names, descriptions, paths, --set overrides) put into
 * Markdown: it must read as the text it is, never as markup. A hostile scenario name such as
 * `<img src=x onerror=…>` or `[x](javascript:…)` would otherwise become live HTML or a link in any
 * viewer that renders summary.md (index.html escapes the same strings as HTML).
 */

/** Characters that start markup mid-line in CommonMark/GFM: emphasis, code, links, HTML, tables, strikethrough. */
const MARKUP = /[\\`*_[\]|~#<>]/g;

/** An `&` that would start a character reference (`&amp;`, `&#38;`): only that one needs escaping. */
const REFERENCE = /&(?=#?[A-Za-z0-9]+;)/g;

/**
 * One line of literal text escaped as Markdown, not as HTML: every special (HTML's `<` and `>`
 * too) backslash-escaped, which CommonMark renders as the character itself; `&` only where it
 * would start a character reference. "Fearnhead & Prangle" stays as written in the raw file.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(MARKUP, (mark) => `\\${mark}`)
    .replace(REFERENCE, '\\&');
}

/**
 * JSON for a fenced code block: `<`, `>`, `&` and backticks written as \u escapes (the same JSON
 * value) so no string in it can close the fence or the surrounding <details>.
 */
export function jsonForCodeBlock(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[<>&`]/g, (mark) => `\\u${mark.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
