import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseDirectory } from '../../src/report/analysis.js';
import { renderMarkdown, type QuestionReport } from '../../src/report/figures.js';
import { escapeMarkdown } from '../../src/report/markdown.js';
import { renderSummary } from '../../src/report/summary.js';
import { temporaryDir, writeResults } from './fixtures.js';

const HOSTILE = '<img src=x onerror=alert(1)> **x** [a](javascript:b) `c` | ~d~ _e_';

describe('summary.md escapes user strings', () => {
  it('escapes HTML and Markdown specials, keeping the text readable', () => {
    expect(escapeMarkdown(HOSTILE)).toBe('\\<img src=x onerror=alert(1)\\> \\*\\*x\\*\\* \\[a\\](javascript:b) \\`c\\` \\| \\~d\\~ \\_e\\_');
    expect(escapeMarkdown('line one\n# heading')).toBe('line one \\# heading');
  });

  it('a hostile scenario name and description never reach summary.md as markup', async () => {
    const dir = join(temporaryDir(), 'results');
    writeResults(dir, { lengths: [6, 12], replicates: 2, overrides: [`name=${JSON.stringify(HOSTILE)}`, 'description="```</details><script>x</script>"', 'months=6'] });
    const summary = renderSummary(await analyseDirectory(dir, {}));
    expect(summary).not.toMatch(/(?<!\\)<img/); // only as escaped text
    expect(summary).not.toMatch(/(?<!\\)<script/);
    const prose = summary.slice(0, summary.indexOf('```json')); // the code block is literal anyway
    expect(prose).toContain('\\<img');
    expect(prose).not.toContain('[a](');
    expect(prose).not.toContain('**x**');
    expect(summary.match(/```/g)).toHaveLength(2); // only the fence of the resolved scenario
    expect(summary).toContain('\\<img src=x onerror=alert(1)\\>');
    expect(summary).toContain('"name": "\\u003cimg src=x'); // same JSON value, no live HTML
  });

  it('in the question reports (staffing, sensitivity) too', () => {
    const report: QuestionReport = {
      title: `How many ISPs? ${HOSTILE}`,
      answer: `In ${HOSTILE}, four.`,
      sections: [{ heading: 'Teams', paragraphs: [HOSTILE], table: { header: ['scenario'], rows: [[HOSTILE]] } }],
      charts: [],
      provenance: { tool: 'concentric', version: '0.1.0', command: 'staffing', scenario: HOSTILE, design: 'grid', replicates: 1, masterSeed: 1, seeds: 'common', createdAt: '2026-01-01T00:00:00.000Z' },
      json: {},
      jsonName: 'staffing.json',
    };
    const markdown = renderMarkdown(report);
    expect(markdown).not.toMatch(/(?<!\\)<img|\[a\]\(|\*\*x\*\*/);
    expect(markdown).toContain('| \\<img src=x onerror=alert(1)\\> \\*\\*x\\*\\* \\[a\\](javascript:b) \\`c\\` \\| \\~d\\~ \\_e\\_ |');
  });
});
