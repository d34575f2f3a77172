#!/usr/bin/env node
/**
 * The kfp-holdout case at full scale with another master seed (ABC, predictive runs, bootstrap;
 * the split and the rewirings of the exposure AUC keep theirs): how much of a score difference is
 * the calibration's own Monte Carlo noise. Not part of the pre-registration (docs/VALIDATION.md,
 * case 10). Usage: npx tsc -p tsconfig.json && node scripts/kfp-holdout-seed.mjs 29
 */
import { kfpSettings, runKfpHoldout } from '../dist/validation/kfp-holdout.js';

const seed = Number(process.argv[2] ?? 29);
if (!Number.isInteger(seed) || seed < 0) {
  process.stderr.write(`kfp-holdout-seed: expected a whole seed, got ${JSON.stringify(process.argv[2])}\n`);
  process.exit(2);
}
const outcome = await runKfpHoldout({ ...kfpSettings('full'), seed });
const wanted = (caption) => outcome.tables.find((t) => t.caption.startsWith(caption));
process.stdout.write(JSON.stringify({ seed, predictions: outcome.predictions, posterior: wanted('Posterior'), scores: wanted('Scores') }, null, 1) + '\n');
