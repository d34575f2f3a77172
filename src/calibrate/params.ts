/**
 * The parameters a calibration estimates and their uniform priors: `--params a,b` names scenario
 * fields; each prior is the field's documented explore range unless `--prior field=low:high`
 * says otherwise, and must lie inside the field's valid range.
 */
import { affectsConsistency, cannotVaryReason, checkConsistency, InputError, nearest, withValues, type Scenario } from '../scenarios/index.js';
import { factorFields, isNumericField } from '../sweep/factors.js';
import { DECIMAL } from './data.js';

export interface ParameterPrior {
  readonly field: string;
  readonly low: number;
  readonly high: number;
  readonly integer: boolean;
  /** the field's help text, for plain words in the report */
  readonly help: string;
  readonly unit: string;
}

function unknownField(flag: string, field: string): InputError {
  const fields = [...factorFields().keys()];
  const guess = nearest(field, fields);
  return new InputError(`${flag}: ${field}: unknown field${guess ? ` (did you mean "${guess}"?)` : ''}: expected a numeric scenario field (see \`concentric fields --assumptions\`), got ${JSON.stringify(field)}`);
}

/** Parse `--params` and `--prior` into priors, in the order of `--params`. */
export function parameterPriors(paramsText: string, priorTexts: readonly string[]): ParameterPrior[] {
  const fields = paramsText.split(',').map((part) => part.trim());
  if (fields.some((field) => field === '')) throw new InputError(`--params: expected comma-separated scenario fields, got ${JSON.stringify(paramsText)}`);
  const repeated = fields.find((field, k) => fields.indexOf(field) !== k);
  if (repeated) throw new InputError(`--params: ${repeated}: expected each field once, got it twice`);
  const explicit = new Map<string, [number, number]>();
  for (const text of priorTexts) {
    const match = /^([^=]+)=([^:]+):(.+)$/.exec(text.trim());
    if (!match) throw new InputError(`--prior: expected field=low:high, got ${JSON.stringify(text)}`);
    const [, field, lowText, highText] = match;
    const low = Number(lowText.trim());
    const high = Number(highText.trim());
    if (!DECIMAL.test(lowText.trim()) || !DECIMAL.test(highText.trim()) || !(low < high)) {
      throw new InputError(`--prior: ${field}: expected numbers low < high, got ${JSON.stringify(`${lowText}:${highText}`)}`);
    }
    if (!fields.includes(field)) throw new InputError(`--prior: ${field}: expected one of the --params fields (${fields.join(', ')}), got ${JSON.stringify(field)}`);
    if (explicit.has(field)) throw new InputError(`--prior: ${field}: expected one prior per field, got a second`);
    explicit.set(field, [low, high]);
  }
  return fields.map((field) => {
    const meta = factorFields().get(field);
    if (!meta) throw unknownField('--params', field);
    if (!isNumericField(meta)) throw new InputError(`--params: ${field}: expected a numeric field, got a field of ${meta.unit}`);
    const min = meta.min ?? -Infinity;
    const max = meta.max ?? Infinity;
    const given = explicit.get(field);
    const range = given ?? meta.explore;
    if (!range) {
      throw new InputError(`--params: ${field}: no documented explore range (not an assumption): expected --prior ${field}=low:high within ${min}–${max}`);
    }
    if (given && (given[0] < min || given[1] > max)) {
      throw new InputError(`--prior: ${field}: expected a range within the field's valid ${min}–${max}, got ${given[0]}:${given[1]}`);
    }
    return { field, low: range[0], high: range[1], integer: meta.integer === true, help: meta.help, unit: meta.unit };
  });
}

/**
 * The box ABC samples for a prior: the prior itself, or for a whole-number field [low − ½, high + ½],
 * so that rounding (the value a run uses) gives every whole number in low–high the same chance.
 */
export function samplingBox(prior: ParameterPrior): { low: number; high: number } {
  return prior.integer ? { low: prior.low - 0.5, high: prior.high + 0.5 } : { low: prior.low, high: prior.high };
}

/** A particle's value as a run uses it: whole-number fields rounded (as src/sweep/waves.ts does). */
export function valueAsRun(prior: ParameterPrior, value: number): number {
  return prior.integer ? Math.round(value) : value;
}

/**
 * Before any simulation: every prior's range must describe scenarios the run can take. A field that
 * cannot change the runs (a generator setting on a file organization) would give a flat posterior
 * reported as learning; a range crossing a cross-field rule (ISPs below the co-leads, more units
 * than staff) would run values every other command refuses; months below the data's last wave
 * would simulate no survey there. Each is refused with the field and the reason.
 */
export function checkPriors(priors: readonly ParameterPrior[], scenario: Scenario, lastDataMonth: number): void {
  for (const prior of priors) {
    const reason = cannotVaryReason(prior.field, scenario);
    if (reason) throw new InputError(`--params: ${prior.field}: expected a field that changes the runs, got one that cannot: ${reason}`);
    if (prior.field === 'months' && prior.low < lastDataMonth) {
      throw new InputError(`--prior: months: expected a range starting at or after the data's last wave (month ${lastDataMonth}), got ${prior.low}:${prior.high}`);
    }
  }
  // The cross-field rules read few fields (consistency.ts): check every corner of the box those
  // priors span, with the scenario's other values.
  const crossing = priors.filter((prior) => affectsConsistency(prior.field));
  if (crossing.length === 0) return;
  const corners = 1 << Math.min(crossing.length, 10);
  for (let corner = 0; corner < corners; corner++) {
    const values: Record<string, number> = {};
    crossing.forEach((prior, k) => (values[prior.field] = (corner >> k) & 1 ? prior.high : prior.low));
    const problem = checkConsistency(withValues(scenario, values) as unknown as Scenario);
    if (problem) {
      const given = crossing.map((prior) => `${prior.field}=${values[prior.field]}`).join(', ');
      throw new InputError(
        `--prior: ${crossing.map((p) => `${p.field} ${p.low}:${p.high}`).join(', ')}: expected ranges whose every value makes a valid scenario, got ${given}, where ${problem.path.join('.')}: expected ${problem.expected}, got ${problem.given}`,
      );
    }
  }
}
