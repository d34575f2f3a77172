/**
 * src/scenarios — what is simulated: the schema (types, defaults, units, ranges, help), loading
 * of built-in and user files, `extends`, `--set`, located validation errors.
 * Imports: nothing from the rest of Concentric.
 *
 * browser.ts is the part with no file system (the explorer bundles it); this index adds reading
 * scenario files, the built-in folder and a real organization's files from disk.
 */
export * from './browser.js';
export { loadScenario, listBuiltins, BUILTIN_DIR, type LoadedScenario } from './load.js';
// Used by src/sweep to read sweep files with the same located errors as scenario files.
export { readLayer } from './load.js';
export { checkRegularFile, readInputBytes, readInputFile, MAX_INPUT_BYTES } from './read.js';
export { cannotVaryReason, noEffectReason, ORGANIZATION_FILE_FIELDS } from './effect.js';
export { terminalText } from './errors.js';
export { PLAIN_DECIMAL, plainNumber, plainNumberTags } from './numbers.js';
// A real organization (network: file): loaded at scenario-loading time, handed to src/sim by the caller (ensureOrganization).
export { ensureOrganization, setOrganizationNotes } from './organization-files.js';
