/**
 * The golden cases: what the engine gives for many (scenario, --set, seed) combinations, and the
 * teaching UI's live path. One list for two users: `tests/golden/golden.test.ts` checks the
 * pinned subset against `baseline.json` on every `npm test`; `scripts/golden.mjs` saves and
 * checks all of them (132) around performance work. Plain JS so the script runs on dist/ and the
 * test on src/ with the same definitions; the engine is passed in.
 */

export const SEEDS = [1, 2, 3, 42, 12345, 4294967295];

export const VARIANTS = [
  [],
  ['organization.network=full'],
  ['adoption.rule=threshold'],
  ['organization.staff=5000', 'organization.units=100'],
  ['organization.staff=5000'],
  ['organization.network=erdos-renyi'],
  ['organization.network=lattice'],
  ['organization.network=small-world'],
  ['adoption.thresholds=false', 'adoption.readinessGate=false', 'adoption.knowledgeGate=false', 'adoption.constantDose=true'],
  [
    'organization.network=full', 'organization.staff=2000', 'adoption.thresholds=false', 'adoption.readinessGate=false',
    'adoption.knowledgeGate=false', 'adoption.constantDose=true', 'adoption.initiative=0', 'turnover.annualRate=0',
  ],
  ['adoption.seeds=5', 'engagement.lengthMonths=6'],
  ['engagement.lengthMonths=24', 'months=120'],
  ['isps.count=0'],
  ['isps.count=20', 'engagement.coachingEveryWeeks=1', 'engagement.initialUnits=6'],
  ['turnover.annualRate=0.9', 'context.urgency=1'],
  ['organization.nullTies=true'],
  ['organization.staff=3', 'organization.units=1'],
  ['adoption.pathway=false'],
  ['adoption.pathway=false', 'organization.network=erdos-renyi', 'adoption.seeds=5', 'adoption.readinessGate=false', 'adoption.thresholds=false'],
  // the study's design: lengths assigned to units inside one organization (per-unit outcomes)
  ['engagement.lengthAssignment=within', 'engagement.withinLengths=[6,18]'],
];

/** Built-in scenarios other than foundation, pinned at one seed each. */
export const SCENARIOS = ['classroom', 'hospital', 'state-agency', 'school-district', 'classic-bass', 'classic-threshold', 'hypotheses/early-affect', 'hypotheses/capacity', 'large-system'];

/** A real organization read from files (network: file), relative to the repository. */
export const FILE_SCENARIOS = ['examples/cs-aarhus/cs-aarhus.yaml'];

/** `concentric run --json` spot checks: the CLI must print exactly what simulate() returns. */
export const CLI_SPOTS = [[1, []], [7, ['organization.network=full']], [3, ['adoption.rule=threshold']]];

/** The name of a run case, as in baseline.json. */
export const caseName = (seed, overrides, scenarioName = 'foundation') =>
  `${scenarioName === 'foundation' ? '' : `${scenarioName} `}seed=${seed} ${overrides.join(' ')}`;

/**
 * Every case: `{ name, pinned, run }`, where run() returns the exact text to hash. Pinned cases
 * (every variant at seed 1, the default at three more seeds, each built-in scenario, a scenario
 * read from files, one live run) are the ones `npm test` checks.
 */
export function goldenCases({ loadScenario, simulate, createSimulation, ensureOrganization }) {
  const runCase = (seed, overrides, scenarioName = 'foundation') => {
    const { scenario } = loadScenario(scenarioName, { overrides });
    // A network: file scenario runs on the organization its files hold, loaded by the caller.
    return JSON.stringify(simulate(scenario, seed, { organization: ensureOrganization(scenario) })) + '\n';
  };
  const liveCase = (seed) => {
    const { scenario } = loadScenario('foundation', {});
    const sim = createSimulation(scenario, seed);
    const stages = [];
    while (!sim.done) {
      sim.step();
      const v = sim.view;
      if (v.week === 20) sim.setEngagementLength(6);
      if (v.week === 40) sim.setIspCount(2);
      if (v.week === 60) sim.setUrgency(0.9);
      if (v.week === 90) sim.setIspCount(8);
      let row = `${v.week} ${v.month} ${v.credibility} ${v.activeEngagements.length} ${v.waitlist.length} ${v.events.length}:`;
      for (let i = 0; i < v.staff.size; i++) row += v.stageOf(i);
      stages.push(row);
    }
    return JSON.stringify(sim.view.result()) + '\n' + stages.join('\n') + '\n';
  };
  const out = [];
  VARIANTS.forEach((overrides, v) => {
    for (const seed of SEEDS) {
      const pinned = seed === 1 || (v === 0 && [42, 12345, 4294967295].includes(seed));
      out.push({ name: caseName(seed, overrides), pinned, run: () => runCase(seed, overrides) });
    }
  });
  for (const seed of [1, 9]) out.push({ name: `live seed=${seed}`, pinned: seed === 1, run: () => liveCase(seed) });
  for (const name of SCENARIOS) out.push({ name: caseName(1, [], name), pinned: true, run: () => runCase(1, [], name) });
  const root = new URL('../../', import.meta.url);
  for (const file of FILE_SCENARIOS) {
    out.push({ name: caseName(1, [], file), pinned: true, run: () => runCase(1, [], decodeURIComponent(new URL(file, root).pathname)) });
  }
  return out;
}
