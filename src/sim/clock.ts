/**
 * Time: one tick is one week; results are reported by month. A month is 52/12 weeks, so a
 * duration of m months is round(m · 52/12) ticks, and month m is observed at the end of tick
 * round(m · 52/12) (month 0 = the initial state).
 */
export const WEEKS_PER_MONTH = 52 / 12;
/** Δt in months: rates given per month are multiplied by this per tick. */
export const MONTHS_PER_WEEK = 12 / 52;

export function monthsToWeeks(months: number): number {
  return Math.round(months * WEEKS_PER_MONTH);
}

/** The tick at which month m ends (m = 0 ⇒ 0). */
export function monthEndWeek(month: number): number {
  return Math.round(month * WEEKS_PER_MONTH);
}

/** A monthly rate as a per-week probability (linear; the Bass docking relies on it). */
export function weeklyChance(ratePerMonth: number): number {
  return Math.min(1, ratePerMonth * MONTHS_PER_WEEK);
}

/** An annual rate as a per-week probability. */
export function weeklyChanceFromAnnual(ratePerYear: number): number {
  return Math.min(1, ratePerYear / 52);
}
