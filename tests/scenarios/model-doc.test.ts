import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fieldRows, fieldsMarkdown, loadScenario } from '../../src/scenarios/index.js';

describe('docs/MODEL.md stays true to the schema', () => {
  const doc = readFileSync(new URL('../../docs/MODEL.md', import.meta.url), 'utf8');

  it('embeds the generated parameter table unchanged (run `node scripts/update-model-doc.mjs`)', () => {
    const block = doc.slice(doc.indexOf('<!-- fields:begin -->\n') + '<!-- fields:begin -->\n'.length, doc.indexOf('<!-- fields:end -->'));
    expect(block).toBe(fieldsMarkdown(loadScenario('foundation').scenario));
  });

  it('every field has a source or is flagged as an assumption with a range to explore', () => {
    for (const row of fieldRows(loadScenario('foundation').scenario)) expect(row.basis, row.path).not.toBe('');
  });

  it('names every mechanism M1–M9', () => {
    for (let m = 1; m <= 9; m++) expect(doc).toContain(`**M${m} `);
  });
});
