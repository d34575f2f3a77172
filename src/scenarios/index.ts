/**
 * src/scenarios — what is simulated: the schema (types, defaults, units, ranges, help), loading
 * of built-in and user files, `extends`, `--set`, located validation errors.
 * Imports: nothing from the rest of Concentric.
 */
export { scenarioSchema, DISPOSITIONS, type Scenario, type ScenarioInput, type DispositionName } from './schema.js';
export { loadScenario, scenarioFromObject, validateScenario, listBuiltins, BUILTIN_DIR, DEFAULT_SCENARIO, type LoadedScenario } from './load.js';
// Used by src/sweep to read sweep files with the same located errors as scenario files.
export { readLayer, locate, looksLikeFile, type Layer } from './load.js';
export { listFields, schemaAt, metaOf, nearest, type FieldInfo } from './introspect.js';
export { InputError, isInputError, describeValue } from './errors.js';
export type { FieldMeta } from './fields.js';
export { fieldRows, fieldsMarkdown, type FieldRow } from './reference.js';
export { withValues, setPath, LENGTH_FIELD } from './values.js';
