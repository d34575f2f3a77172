// Regenerates the parameter tables in docs/MODEL.md and docs/ODD.md from the schema (run after
// `npm run build`); tests/scenarios/model-doc.test.ts checks both are what this writes.
import { readFileSync, writeFileSync } from 'node:fs';
import { fieldsMarkdown, loadScenario } from '../dist/scenarios/index.js';

const begin = '<!-- fields:begin -->\n';
const end = '<!-- fields:end -->';
const table = fieldsMarkdown(loadScenario('foundation').scenario);
for (const doc of ['MODEL.md', 'ODD.md']) {
  const path = new URL(`../docs/${doc}`, import.meta.url);
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf(begin);
  const stop = text.indexOf(end);
  if (start < 0 || stop < start) throw new Error(`docs/${doc}: fields markers not found`);
  writeFileSync(path, text.slice(0, start + begin.length) + table + text.slice(stop));
  console.log(`docs/${doc}: parameter table updated`);
}
