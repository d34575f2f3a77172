/**
 * The engine version: it changes whenever the same scenario + seed would give different results
 * (a model change, a new output field), never for a refactor. RunResult and manifest.json carry
 * it, the sweep hash includes it (so `--resume` and `merge` refuse results of another engine),
 * and the pinned golden hashes in tests/golden are regenerated with it.
 *
 * History: 1 — the first engine with a version (affect a copy of trust; the three-session
 * performance work; 2026-12-02).
 * 2 — the science review (issue 14, MODEL-GROUNDING Revisions): affect its own construct (fast,
 * fading) and trust integrating affect and ISP competence slowly; A/P/F frozen until a person
 * meets or hears of the ISPs; summary.ringCorrelationBeyond0 / ringCorrelationUnengaged /
 * initiativeShare; organization.nullTies (2026-12-02).
 * 3 — scale (issue 27): the staff's continuous state (threshold, baseline trust, trust, affect,
 * A/P/F, knowledge, exposure) and the week's word-of-mouth scratch in single precision
 * (Float32Array): half the memory each pass and the colleague visits move; every number rounds to
 * float32 once a week (docs/MODEL.md, "Numbers"). The same engine-version window as the science
 * issue 23 (2026-12-06).
 */
export const ENGINE_VERSION = 3;
