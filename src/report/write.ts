/**
 * Writing a report so that no reader ever sees half of one. Everything is staged in a temporary
 * directory beside (or inside) the output, then moved into place by rename:
 *   - a new output directory: the staged directory is renamed to it in one step;
 *   - an existing one (e.g. the results directory itself): charts/ is swapped by two renames, then
 *     each file is renamed over its old version, index.html last. Every file is always whole.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export interface ReportFiles {
  /** path relative to the output directory → contents */
  readonly files: ReadonlyMap<string, string | Buffer>;
}

/** Files moved last, in this order: the page that links everything else comes last. */
const LAST = ['report.json', 'summary.md', 'index.html'];

export function writeReportFiles(out: string, files: ReadonlyMap<string, string | Buffer>): void {
  const target = resolve(out);
  const fresh = !existsSync(target);
  const parent = fresh ? dirname(target) : target;
  mkdirSync(parent, { recursive: true });
  const stage = mkdtempSync(join(parent, fresh ? `.${basename(target)}.tmp-` : '.report-tmp-'));
  try {
    for (const [relative, contents] of files) {
      const path = join(stage, relative);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, contents);
    }
    if (fresh) {
      chmodSync(stage, 0o755); // mkdtemp makes it private; a report is for sharing
      renameSync(stage, target);
      return;
    }
    const topLevel = [...new Set([...files.keys()].map((relative) => relative.split('/')[0]))];
    const directories = topLevel.filter((name) => [...files.keys()].some((relative) => relative.startsWith(`${name}/`)));
    for (const name of directories) {
      const old = join(target, name);
      const retired = join(stage, `.${name}.old`);
      if (existsSync(old)) renameSync(old, retired);
      renameSync(join(stage, name), old);
    }
    const plain = topLevel.filter((name) => !directories.includes(name));
    plain.sort((a, b) => LAST.indexOf(a) - LAST.indexOf(b));
    for (const name of plain) renameSync(join(stage, name), join(target, name));
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}
