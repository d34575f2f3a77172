/**
 * The facts `concentric show` prints about a loaded organization: people, ties, units (given
 * or found), components, the degree distribution and isolates.
 */
import type { OrganizationFile } from './organization-data.js';

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** People by degree in bins 0, 1, 2–3, 4–7, 8–15, … (powers of two). */
export function degreeBins(counts: readonly number[]): { label: string; people: number }[] {
  const bins: { label: string; people: number }[] = [];
  if (counts.length > 0) bins.push({ label: '0', people: counts[0] });
  for (let low = 1; low < counts.length; low *= 2) {
    const high = Math.min(low * 2 - 1, counts.length - 1);
    let people = 0;
    for (let d = low; d <= high; d++) people += counts[d];
    bins.push({ label: low === low * 2 - 1 ? String(low) : `${low}–${low * 2 - 1}`, people });
  }
  return bins;
}

export function organizationFacts(file: OrganizationFile): string[] {
  const f = file.facts;
  const degrees = f.degreeCounts;
  let total = 0;
  let median = -1;
  let seen = 0;
  degrees.forEach((people, d) => {
    total += people * d;
    seen += people;
    if (median < 0 && seen * 2 >= f.people) median = d;
  });
  const sizes = Array.from({ length: file.units }, (_, u) => `${file.unitNames[u]} (${file.unitStart[u + 1] - file.unitStart[u]})`);
  const shown = sizes.length > 12 ? [...sizes.slice(0, 12), `… ${sizes.length - 12} more`] : sizes;
  const dropped = [
    f.otherRelations > 0 ? `${f.otherRelations} of other relations` : '',
    `${plural(f.selfTies, 'self-tie')} and ${plural(f.duplicateTies, 'duplicate')} dropped`,
  ].filter(Boolean);
  return [
    `people: ${f.people} (columns: ${f.columns.join(', ')})`,
    `ties: ${f.ties} mutual ties from ${f.tieRows} rows (${dropped.join('; ')}${file.directed ? '; directed ties made mutual' : ''})`,
    `units: ${file.units} ${f.unitsGiven ? 'given by the unit column' : 'found as communities of the ties (Louvain)'}: ${shown.join(', ')}`,
    `teams: ${file.teams} ${f.teamsGiven ? 'given by the team column' : '(one per unit: no team column)'}`,
    `leaders: ${f.leadersInferred === 0 ? 'as marked' : `${plural(f.leadersInferred, 'unit')} each led by its highest-degree member (none marked)`}`,
    `components: ${f.components} (largest ${f.largestComponent} people); isolates: ${f.isolates}`,
    `degree: mean ${(total / f.people).toFixed(2)}, median ${median}, max ${degrees.length - 1}; people by degree: ${degreeBins(degrees)
      .map((bin) => `${bin.label}: ${bin.people}`)
      .join(', ')}`,
  ];
}
