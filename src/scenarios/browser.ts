/**
 * src/scenarios without the file system: everything the explorer's bundle may import (the schema,
 * validation with the CLI's messages, `extends:` through a handed-in source, a real organization
 * from texts in hand). index.ts adds the Node parts (files, the built-in folder, notes to stderr).
 * No `node:` import is reachable from here; tests/architecture.test.ts bundles it for the browser.
 */
export { scenarioSchema, DISPOSITIONS, type Scenario, type ScenarioInput, type DispositionName } from './schema.js';
export { DEFAULT_SCENARIO, BUILTIN_FOLDERS } from './builtins.js';
export { composeScenario, parseOverride, scenarioFromObject, validateScenario, validateFieldValue, type LoadOptions, type ValidateOptions } from './validate.js';
export { parseLayer, readChain, locate, looksLikeFile, isMapping, type Layer, type ScenarioSource } from './layers.js';
export { listFields, schemaAt, metaOf, nearest, type FieldInfo } from './introspect.js';
export { InputError, isInputError, describeValue } from './errors.js';
export { affectsConsistency, checkConsistency, type Inconsistency } from './consistency.js';
export type { FieldMeta } from './fields.js';
export { fieldRows, fieldsMarkdown, type FieldRow } from './reference.js';
export { withValues, setPath, LENGTH_FIELD } from './values.js';
export { checkFirstUnits, formatOf, loadOrganization, withOrganization, ORGANIZATION_FORMAT, type OrganizationText } from './organization-load.js';
export { setOrganizationLibraries, type OrganizationLibraries } from './organization-libraries.js';
export { storedOrganization, PersonRole, type OrganizationFile, type OrganizationFacts } from './organization-data.js';
export { FIRST_UNITS, type FirstUnitsRule } from './fields.js';
export { organizationFacts } from './organization-facts.js';
export { encodeState, decodeState, overridesOf, STATE_FORMAT, type ExploreState, type DecodedState, type FieldValues } from './explorer-state.js';
