/**
 * src/agents — who acts and how: staff state (struct-of-arrays), the ISP team, the engagement
 * lifecycle, and mechanisms M1–M9 as small pure functions. Imports nothing outside this folder.
 */
export * from './state.js';
export * from './trust.js';
export * from './affect.js';
export * from './safety.js';
export * from './readiness.js';
export * from './knowledge.js';
export * from './adoption.js';
export * from './sustainment.js';
export * from './demand.js';
export * from './stage.js';
export * from './isps.js';
export * from './engagement.js';
export * from './population.js';
