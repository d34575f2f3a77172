/**
 * The engine version: it changes whenever the same scenario + seed would give different results
 * (a model change, a new output field), never for a refactor. RunResult and manifest.json carry
 * it, the sweep hash includes it (so `--resume` and `merge` refuse results of another engine),
 * and the pinned golden hashes in tests/golden are regenerated with it.
 *
 * History: 1 — the first engine with a version (affect a copy of trust; the three-session
 * performance work; 2026-12-02).
 */
export const ENGINE_VERSION = 1;
