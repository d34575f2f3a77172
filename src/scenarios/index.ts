/**
 * src/scenarios — what is simulated: the schema (types, defaults, units, ranges, help), loading
 * of built-in and user files, `extends`, `--set`, located validation errors.
 * Imports: nothing from the rest of Concentric.
 */
export { scenarioSchema, DISPOSITIONS, type Scenario, type ScenarioInput, type DispositionName } from './schema.js';
export { loadScenario, scenarioFromObject, validateScenario, listBuiltins, BUILTIN_DIR, DEFAULT_SCENARIO, type LoadedScenario, type ValidateOptions } from './load.js';
// Used by src/sweep to read sweep files with the same located errors as scenario files.
export { readLayer, locate, looksLikeFile, validateFieldValue, type Layer } from './load.js';
export { listFields, schemaAt, metaOf, nearest, type FieldInfo } from './introspect.js';
export { InputError, isInputError, describeValue, terminalText } from './errors.js';
export { checkRegularFile, readInputBytes, readInputFile, MAX_INPUT_BYTES } from './read.js';
export { cannotVaryReason, noEffectReason, ORGANIZATION_FILE_FIELDS } from './effect.js';
export { affectsConsistency, checkConsistency, type Inconsistency } from './consistency.js';
export type { FieldMeta } from './fields.js';
export { fieldRows, fieldsMarkdown, type FieldRow } from './reference.js';
export { withValues, setPath, LENGTH_FIELD } from './values.js';
export { PLAIN_DECIMAL, plainNumber, plainNumberTags } from './numbers.js';
// A real organization (network: file): loaded at scenario-loading time, handed to src/sim by the caller (ensureOrganization).
export { checkFirstUnits, ensureOrganization, setOrganizationNotes } from './organization-files.js';
export { storedOrganization, PersonRole, type OrganizationFile, type OrganizationFacts } from './organization-data.js';
export { FIRST_UNITS, type FirstUnitsRule } from './fields.js';
export { organizationFacts } from './organization-facts.js';
