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
 * 3 — the study's design (issue 23): within-organization runs carry, per unit, its
 * implementation-team members' records (`units[].team`: when each first reached each pathway
 * stage, and turnover in their place), which the study-design analysis reads at the interview.
 * Every run's summary gains `lowStakesQuality` (pattern 5 in a form that can fail: skeptics of the
 * same team by whether their first low-stakes contact was experienced positively, kept in the new
 * `firstLowStakes` state); nothing a run does changes (2026-12-06).
 * Also 3 — scale (issue 27): the staff's continuous state (threshold, baseline trust, trust, affect,
 * A/P/F, knowledge, exposure) and the week's word-of-mouth scratch in single precision
 * (Float32Array): half the memory each pass and the colleague visits move; every number rounds to
 * float32 once a week (docs/MODEL.md, "Numbers"). The same engine-version window as the science
 * issue 23 (2026-12-06).
 */
export const ENGINE_VERSION = 3;
