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

describe('docs/ODD.md stays true to the schema and to the protocol', () => {
  const odd = readFileSync(new URL('../../docs/ODD.md', import.meta.url), 'utf8');

  it('embeds the same generated parameter table (run `node scripts/update-model-doc.mjs`)', () => {
    const block = odd.slice(odd.indexOf('<!-- fields:begin -->\n') + '<!-- fields:begin -->\n'.length, odd.indexOf('<!-- fields:end -->'));
    expect(block).toBe(fieldsMarkdown(loadScenario('foundation').scenario));
  });

  it('has the seven ODD elements in order (Grimm et al. 2020) and the ODD+D decision elements (Müller et al. 2013)', () => {
    const elements = ['## 1. Purpose and patterns', '## 2. Entities, state variables and scales', '## 3. Process overview and scheduling', '## 4. Design concepts', '## 5. Initialization', '## 6. Input data', '## 7. Submodels'];
    const at = elements.map((heading) => odd.indexOf(heading));
    expect(at.every((i) => i >= 0), elements.filter((_, k) => at[k] < 0).join(', ')).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    for (const element of ['Theoretical and empirical background', 'Individual decision-making', 'Learning', 'Individual sensing', 'Individual prediction', 'Interaction', 'Collectives', 'Heterogeneity', 'Stochasticity']) {
      expect(odd).toContain(`**${element}.**`);
    }
    for (let m = 1; m <= 9; m++) expect(odd).toContain(`M${m}`);
  });
});
