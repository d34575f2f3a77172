// Regenerates the parameter table in docs/MODEL.md from the schema (run after `npm run build`).
import { readFileSync, writeFileSync } from 'node:fs';
import { fieldsMarkdown, loadScenario } from '../dist/scenarios/index.js';

const path = new URL('../docs/MODEL.md', import.meta.url);
const text = readFileSync(path, 'utf8');
const begin = '<!-- fields:begin -->\n';
const end = '<!-- fields:end -->';
const start = text.indexOf(begin);
const stop = text.indexOf(end);
if (start < 0 || stop < start) throw new Error('docs/MODEL.md: fields markers not found');
const table = fieldsMarkdown(loadScenario('foundation').scenario);
writeFileSync(path, text.slice(0, start + begin.length) + table + text.slice(stop));
console.log('docs/MODEL.md: parameter table updated');
