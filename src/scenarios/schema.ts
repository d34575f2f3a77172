/**
 * The scenario schema: the single source of truth for what a scenario may say, its defaults,
 * units, valid ranges and help. Sources for every default are in docs/MODEL.md; fields marked
 * `assumption` carry the range to explore in sensitivity analysis.
 */
import { z } from 'zod';
import { choice, firstUnitsField, flag, int, num, numberList, optionalFlag, range, share, text, texts } from './fields.js';

const organization = z
  .object({
    network: choice(
      ['organization', 'erdos-renyi', 'full', 'lattice', 'small-world', 'file'] as const,
      'organization',
      'how staff are tied: organization = units, teams, leaders and liaisons; erdos-renyi = random graph; full = fully mixed (no network); lattice / small-world = clustered ring lattice, optionally rewired (Centola 2010); file = your own organization from people/ties CSV or a GraphML/GEXF graph (docs/YOUR-ORG.md)',
      'MODEL-GROUNDING organization network; docking topologies',
    ),
    // A real organization (network: file). Optional with no default, so synthetic scenarios
    // serialize exactly as before. Paths are relative to the scenario file.
    people: text('people.csv of your organization (id, optional unit, team, leader, disposition, trust, readiness); with network: file', 'file path'),
    ties: text('ties.csv of your organization (from, to, optional weight, relation); with network: file and people', 'file path'),
    graph: text('a GraphML (.graphml) or GEXF (.gexf) file instead of people + ties; with network: file', 'file path'),
    relations: texts('keep only ties of these relations (the relation column / edge attribute); all when absent'),
    directed: optionalFlag('true when ties.csv lists who goes to whom (from → to); ties are made mutual for spread either way (docs/YOUR-ORG.md)'),
    inputHash: text('content hash of the organization files, filled in when they are loaded (checked by sweeps, resume and merge)', 'hash', 'computed when the files are loaded'),
    staff: int(200, { min: 2, max: 5_000_000, unit: 'people', help: 'number of staff (agents)', source: 'Metz et al. 2024: “almost 200 staff”' }),
    units: int(12, {
      min: 1,
      max: 500_000,
      unit: 'units',
      help: 'organizational units (departments) that request and receive implementation support',
      source: 'Metz et al. 2024 (units requested support); count is an assumption with support: 15–25 teams of 5–12 (Guimerà et al.; Kossinets & Watts 2006)',
      assumption: true,
      explore: [6, 20],
    }),
    teamsPerUnit: int(2, { min: 1, max: 100, unit: 'teams', help: 'work teams in each unit; each team has a manager', source: 'MODEL-GROUNDING organization network: 15–25 teams of 5–12' }),
    withinTeamTie: share(0.45, 'probability that two members of one team are tied', {
      assumption: true,
      explore: [0.3, 0.6],
    }),
    crossTeamTies: num(1.5, {
      min: 0,
      max: 50,
      unit: 'ties per person',
      help: 'mean number of ties each person starts to someone outside their team',
      assumption: true,
      explore: [0.5, 3],
    }),
    crossTiesWithinUnit: share(0.6, 'share of cross-team ties that stay inside the unit', {
      assumption: true,
      explore: [0.3, 0.9],
    }),
    leaderTies: int(30, {
      min: 0,
      max: 1000,
      unit: 'ties per leader',
      help: 'ties from each unit leader to other unit leaders (a clique when there are fewer leaders)',
      source: 'MODEL-GROUNDING: leaders linked across units',
    }),
    liaisonShare: share(0.04, "share of staff who are liaisons / 'go-to' people with many cross-unit ties", {
      assumption: true,
      explore: [0.02, 0.06],
    }),
    liaisonTies: int(8, { min: 0, max: 1000, unit: 'ties per liaison', help: 'extra cross-unit ties per liaison', source: 'Cross, Rebele & Grant 2016: 3–5 % of staff carry 20–35 % of collaborations' }),
    meanDegree: num(10, {
      min: 0,
      max: 1000,
      unit: 'ties per person',
      help: 'mean degree for erdos-renyi, lattice and small-world networks (rounded down to even for lattices)',
      source: 'docking cases: Watts 2002 (z), Centola 2010 (degree 6–8)',
    }),
    rewire: share(0.1, 'small-world rewiring probability per tie (lattice = 0)', { source: 'Watts & Strogatz 1998; Eckles et al. 2024 (long ties)' }),
    nullTies: flag(
      false,
      'the degree-preserving null network: every tie rewired by double-edge swaps (same people, units, teams and degrees; ties no longer follow units); rings are still measured on the ties as generated, so the ring statistics compare spread along real ties with spread along random ones',
      'Maslov & Sneppen 2002 (degree-preserving rewiring); MODEL-GROUNDING Revisions 6',
    ),
  })
  .strict();

const disposition = z
  .object({
    share: share(0.33, 'share of staff with this disposition at the start (shares are normalized)', { source: 'Rogers: innovators + early adopters 16 %, majorities 68 %, laggards 16 %; Metz et al. 2024 (interested / skeptics / disinterested)' }),
    threshold: range([0.3, 0.5], {
      min: 0,
      max: 1,
      unit: 'share of neighbours applying',
      help: 'adoption threshold φ, drawn uniformly in [low, high]: peers count only once this share of neighbours applies',
      source: 'Valente 1996 thresholds; MODEL-GROUNDING M1: interested 0–0.1, skeptic 0.25–0.5, disinterested ≥ 0.6',
    }),
    trust: share(0.35, 'baseline trust in ISPs before any contact', { assumption: true, explore: [0.2, 0.5] }),
    readiness: share(0.4, 'baseline acceptability/appropriateness/feasibility before any contact', {
      assumption: true,
      explore: [0.2, 0.6],
    }),
  })
  .strict();

const dispositions = z
  .object({
    interested: disposition.default({
      share: 0.16,
      threshold: [0, 0.1],
      trust: 0.5,
      readiness: 0.55,
    }),
    skeptical: disposition.default({
      share: 0.68,
      threshold: [0.25, 0.5],
      trust: 0.35,
      readiness: 0.4,
    }),
    disinterested: disposition.default({
      share: 0.16,
      threshold: [0.6, 0.9],
      trust: 0.2,
      readiness: 0.25,
    }),
  })
  .strict();

const isps = z
  .object({
    count: int(5, { min: 0, max: 1_000_000, unit: 'ISPs', help: 'implementation support practitioners on the team', source: 'Metz et al. 2024: a team of five ISPs' }),
    hoursPerWeek: num(4, {
      min: 0,
      max: 60,
      unit: 'hours/week per ISP',
      help: 'time each ISP gives this organization',
      assumption: true,
      explore: [2, 10],
    }),
    relationalSkill: share(0.8, 'relational skill: raises the chance a contact is experienced positively', {
      assumption: true,
      explore: [0.4, 1],
    }),
    technicalSkill: share(0.8, 'technical skill: how much each coaching contact teaches', {
      assumption: true,
      explore: [0.4, 1],
    }),
  })
  .strict();

const engagement = z
  .object({
    lengthMonths: num(12, {
      min: 0,
      max: 600,
      unit: 'months',
      help: 'length of each engagement; limited = 6–12, high = 12+ (Metz et al. 2024)',
      source: 'Metz et al. 2024: limited 6–12 months, high 12+ months',
    }),
    lengthAssignment: choice(
      ['policy', 'within'] as const,
      'policy',
      'policy = every engagement lasts lengthMonths (one policy for the whole organization); within = each unit is assigned one of withinLengths at random (equal shares, seeded) and every engagement of that unit lasts its length — the study’s within-organization comparison; runs then carry per-unit outcomes',
      'Metz et al. 2024 compared recipients of limited and high engagements inside one foundation (MODEL-GROUNDING Revisions 4)',
    ),
    withinLengths: numberList([6, 18], {
      min: 0,
      max: 600,
      minItems: 2,
      unit: 'months',
      help: 'with lengthAssignment = within: the engagement lengths shared out among the units (each unit gets one, in equal shares)',
      source: 'Metz et al. 2024: limited 6–12 months, high 12+ months',
    }),
    withinFollowUpMonths: num(18, {
      min: 0,
      max: 1200,
      unit: 'months',
      help: 'with lengthAssignment = within: months after a unit’s first engagement began at which its staff are measured again (equal time since engagement began; default = the longest default within length)',
      source: 'design choice: the first time both default lengths (6, 18) have ended',
    }),
    coLeads: int(2, { min: 1, max: 20, unit: 'ISPs', help: 'ISP co-leads assigned to each engagement', source: 'Metz et al. 2024: 2 co-leads per engagement' }),
    hoursPerCoLeadWeek: num(1.25, {
      min: 0.01,
      max: 40,
      unit: 'hours/week',
      help: 'hours one co-lead spends on one engagement (2 co-leads ⇒ 2.5 h/week, Kim et al. 2022)',
      assumption: true,
      explore: [0.5, 2.5],
    }),
    meetingEveryWeeks: int(4, { min: 1, max: 52, unit: 'weeks', help: 'implementation-team meeting cadence (monthly = 4)', source: 'Metz et al. 2024: monthly implementation-team meetings' }),
    coachingEveryWeeks: int(2, {
      min: 1,
      max: 52,
      unit: 'weeks',
      help: 'coaching / data / tools contact cadence for implementation-team members (weekly 1, biweekly 2)',
      source: 'Metz et al. 2024: outreach, data, coaching and tools weekly or biweekly',
    }),
    teamMembers: int(4, {
      min: 2,
      max: 100,
      unit: 'people',
      help: 'implementation-team size per engaged unit (unit leader, managers, staff: positional diversity)',
      source: 'Metz et al. 2024: at least two people per engaged unit, positional diversity',
    }),
    outreachPerWeek: share(0.1, 'chance per week that a member of an engaged unit has a low-stakes ISP contact', {
      assumption: true,
      explore: [0.02, 0.2],
    }),
    tailoring: share(0.7, 'how much support is positioned on recipients’ own projects (raises appropriateness)', {
      assumption: true,
      explore: [0.3, 1],
    }),
    initialUnits: int(2, { min: 0, max: 500_000, unit: 'units', help: 'units engaged at week 0', source: 'Metz et al. 2024: a few units engaged first, more requested support later' }),
    firstUnits: firstUnitsField(),
    teamDose: num(6, {
      min: 0,
      max: 100,
      unit: '× p',
      help: 'ISP push (dose) on implementation-team members during an engagement, in multiples of the Bass p',
      assumption: true,
      explore: [2, 10],
    }),
    unitDose: num(1, {
      min: 0,
      max: 100,
      unit: '× p',
      help: 'ISP push (dose) on other members of an engaged unit, in multiples of the Bass p',
      assumption: true,
      explore: [0.3, 3],
    }),
    // The bridge between the two explanations of "length did not matter" (MODEL-GROUNDING
    // Revisions 8): push(t) = dose·e^(−t/τ) with t the engagement's age. A rate (1/τ), so the
    // default 0 (τ → ∞) is the engine as it was and the prior is one finite interval.
    pushDecay: num(0, {
      min: 0,
      max: 10,
      unit: 'per month',
      help: 'how fast the ISP push on an engaged unit fades with the engagement’s age t: push = dose·e^(−pushDecay·t), so τ = 1/pushDecay months. 0 ⇒ the push lasts as long as the engagement (support helps while it lasts, H2); 1 ⇒ τ = 1 month (early interactions carry it, H1)',
      source: 'MODEL-GROUNDING Revisions 8: the bridge between H1 (early interactions) and H2 (capacity rationing); the prior, uniform 0–1 per month, spans τ from 1 month to ∞',
      assumption: true,
      explore: [0, 1],
    }),
  })
  .strict();

const demand = z
  .object({
    baseRequestRate: num(0.01, {
      min: 0,
      max: 10,
      unit: 'requests/unit/month',
      help: 'λ₀: rate at which a unit asks for support regardless of credibility',
      assumption: true,
      explore: [0, 0.05],
    }),
    credibilityGain: num(0.6, {
      min: 0,
      max: 50,
      unit: 'requests/unit/month',
      help: 'κ: extra request rate per unit of ISP credibility × visible success (share of staff applying)',
      assumption: true,
      explore: [0.2, 1.5],
    }),
    credibilityFloor: num(0.4, {
      min: 0,
      max: 10,
      unit: 'requests/unit/month',
      help: 'extra request rate per unit of credibility alone (word of mouth before visible success)',
      assumption: true,
      explore: [0.1, 0.8],
    }),
  })
  .strict();

const trust = z
  .object({
    gain: share(0.15, 'α: each ISP contact moves trust this share of the way toward what the contact shows — affect-based (the person’s affect after it) and cognition-based (the ISPs’ technical skill): T += α(w·affect + (1−w)·skill − T); slow beside affect', {
      source: 'Lawler & Yoon 1996, Lawler 2001 (affect → cohesion); McAllister 1995 (affect- and cognition-based trust); MODEL-GROUNDING M2: α = 0.1–0.2',
      explore: [0.1, 0.2],
    }),
    affectWeight: share(0.5, 'w: weight of affect (affect-based trust) against ISP technical competence (cognition-based trust) in what a contact teaches trust', {
      source: 'McAllister 1995 (Acad. Manage. J. 38:24): affect- and cognition-based trust; the weight is an assumption',
      assumption: true,
      explore: [0.3, 0.7],
    }),
    lossRatio: num(3, {
      min: 0,
      max: 10,
      unit: '× gain',
      help: 'β/α: a negative contact removes β·affect with β = lossRatio·(affect gain) — negative experiences weigh more (trust asymmetry, carried into trust through affect)',
      source: 'Poortinga & Pidgeon 2004 (trust asymmetry): β = 2–4·α',
      explore: [2, 4],
    }),
    positiveBase: share(0.3, 'chance a contact is positive before skill and safety are added', {
      assumption: true,
      explore: [0.1, 0.5],
    }),
    relationalWeight: share(0.4, 'added chance of a positive contact per unit of ISP relational skill', {
      assumption: true,
      explore: [0.2, 0.6],
    }),
    safetyWeight: share(0.3, 'added chance of a positive contact per unit of team psychological safety', {
      assumption: true,
      explore: [0.1, 0.5],
    }),
    lowStakesBonus: share(0.15, 'added chance that a low-stakes (outreach) contact is positive', {
      assumption: true,
      explore: [0, 0.3],
    }),
    wordOfMouth: num(0.3, {
      min: 0,
      max: 5,
      unit: 'per month',
      help: 'rate at which trust moves toward the trust of tied colleagues who worked with ISPs',
      assumption: true,
      explore: [0.1, 0.6],
    }),
    trustingAt: share(0.6, 'trust at which a person counts as "trusting" (stage reporting only)', { source: 'reporting convention (no effect on dynamics)' }),
  })
  .strict();

const affect = z
  .object({
    gain: share(0.35, 'a positive ISP contact closes this share of the gap to full positive affect (a negative one removes lossRatio × as much); affect responds within weeks to the relational quality of contacts and fades without them (context.affectDecay)', {
      source: 'Lawler & Yoon 1996, Lawler 2001 (affect theory of social exchange); Metz et al. 2024 (affective response to ISPs); the rate is an assumption',
      assumption: true,
      explore: [0.2, 0.5],
    }),
  })
  .strict();

const safety = z
  .object({
    facilitation: share(0.15, 'a facilitated team meeting closes this share of the gap to full psychological safety', {
      assumption: true,
      explore: [0.05, 0.3],
    }),
    relaxation: num(0.05, {
      min: 0,
      max: 5,
      unit: 'per month',
      help: 'rate at which team safety drifts back to the culture’s baseline without facilitation',
      assumption: true,
      explore: [0.02, 0.1],
    }),
  })
  .strict();

const readiness = z
  .object({
    rate: num(0.2, {
      min: 0,
      max: 5,
      unit: 'per month',
      help: 'rate at which acceptability, appropriateness and feasibility move toward their signals',
      source: 'MODEL-GROUNDING M4: 0.1–0.3 per month (Metz et al. 2024; Proctor et al. 2011)',
      explore: [0.1, 0.3],
    }),
    trustWeight: share(0.6, 'weight of trust (vs. positive affect) in the acceptability signal', {
      assumption: true,
      explore: [0.4, 0.8],
    }),
    tailoringWeight: share(0.4, 'weight of own-project positioning in the appropriateness signal', {
      assumption: true,
      explore: [0.2, 0.6],
    }),
    acceptingAt: share(0.6, 'mean of A, P, F at which a person counts as "accepting" (≈ AIM 3.4; stage reporting only)', { source: 'Weiner et al. 2017: AIM/IAM/FIM ≥ 3.5 pass mark; reporting only' }),
  })
  .strict();

const knowledge = z
  .object({
    coachingGain: share(0.12, 'share of the knowledge gap a coaching contact closes at full technical skill', {
      assumption: true,
      explore: [0.05, 0.2],
    }),
    meetingGain: share(0.06, 'share of the knowledge gap a team meeting closes at full technical skill', {
      assumption: true,
      explore: [0.02, 0.1],
    }),
    outreachGain: share(0.05, 'share of the knowledge gap a low-stakes outreach contact closes (tools, guides)', {
      assumption: true,
      explore: [0, 0.1],
    }),
    peerLearning: num(0.25, {
      min: 0,
      max: 5,
      unit: 'per month',
      help: 'rate of learning from tied colleagues who apply, per unit share of neighbours applying',
      assumption: true,
      explore: [0.1, 0.4],
    }),
    forgetting: num(0.01, {
      min: 0,
      max: 1,
      unit: 'per month',
      help: 'share of knowledge lost per month when not applying',
      assumption: true,
      explore: [0, 0.03],
    }),
    learningAt: share(0.4, 'knowledge at which a person counts as "learning" (stage reporting only)', { source: 'reporting convention; also the knowledge gate’s saturation point (assumption)', assumption: true, explore: [0.2, 0.6] }),
  })
  .strict();

const adoption = z
  .object({
    rule: choice(
      ['hazard', 'threshold'] as const,
      'hazard',
      'hazard = Bass-type push + threshold-gated peer term (M6); threshold = deterministic linear-threshold cascade (Watts 2002)',
      'Bass 1969; Watts 2002',
    ),
    p: num(0.03, {
      min: 0,
      max: 10,
      unit: 'per month',
      help: 'p: adoption hazard per unit of ISP dose (Bass innovation coefficient). Per month an assumption: the meta-analysis mean 0.03 comes mostly from annual sales series',
      source: 'assumption (per month); Sultan, Farley & Lehmann 1990 (JMR 27:70): mean p = 0.03, fitted mostly to annual series (MODEL-GROUNDING Revisions 1)',
      assumption: true,
      explore: [0.003, 0.03],
    }),
    q: num(0.38, {
      min: 0,
      max: 50,
      unit: 'per month',
      help: 'q: adoption hazard per unit share of neighbours applying (Bass imitation coefficient). Per month an assumption: the meta-analysis mean 0.38 comes mostly from annual series',
      source: 'assumption (per month); Sultan, Farley & Lehmann 1990: mean q = 0.38, fitted mostly to annual series (MODEL-GROUNDING Revisions 1)',
      assumption: true,
      explore: [0.03, 0.4],
    }),
    initiative: num(5, {
      min: 0,
      max: 100,
      unit: '× p per unit knowledge',
      help: 'own-initiative push from what a person has learned, kept after support ends (capacity, not presence)',
      assumption: true,
      explore: [0, 10],
    }),
    seeds: int(0, {
      min: 0,
      max: 5_000_000,
      unit: 'people',
      help: 'staff applying at week 0 (chosen at random; docking cases use 1)',
      source: 'docking convention (Watts 2002: a single seed)',
    }),
    baselineApplying: share(0, 'share of staff already applying at month 0, before any engagement (each person independently), with knowledge at least knowledge.learningAt and A, P, F at least readiness.acceptingAt to match', {
      source: 'MODEL-GROUNDING Revisions 10 (organizations do not start from zero); a setting of the organization, estimable by calibrate from a month-0 survey wave',
      assumption: true,
      explore: [0, 0.2],
    }),
    thresholds: flag(true, 'peers count only once their share reaches the person’s threshold φ (off ⇒ φ = 0)', 'Centola & Macy 2007 (complex contagion)'),
    readinessGate: flag(true, 'adoption hazard scaled by the geometric mean of A, P, F (off ⇒ 1)', 'Metz et al. 2024 pathway: A/P/F → application'),
    knowledgeGate: flag(true, 'adoption hazard scaled by knowledge K (off ⇒ 1)', 'Metz et al. 2024 pathway: knowledge → application'),
    constantDose: flag(false, 'every person receives ISP dose 1 every week, engagement or not (Bass docking)', 'Bass 1969 limit case'),
    pathway: flag(
      true,
      'simulate the pathway each week (trust, affect, team safety, A/P/F, knowledge); off ⇒ they keep their starting values (ISP contacts, word of mouth and learning change nothing; gates and initiative read the starting values) — the docking limit; about twice as fast on the foundation scenario',
      'Bass 1969 / Watts 2002 limit case (off); Metz et al. 2024 pathway (on)',
    ),
  })
  .strict();

const sustainment = z
  .object({
    discontinuation: num(0.05, {
      min: 0,
      max: 1,
      unit: 'per month',
      help: 'hazard of stopping once support has ended (UniSIC: 0.04–0.06 ⇒ 25–37 % sustaining at 2 years)',
      source: 'UniSIC (Implement. Sci. Commun., doi:10.1186/s43058-021-00250-6)',
      explore: [0.04, 0.06],
    }),
    duringSupport: share(0.2, 'discontinuation during active support, as a share of the unsupported hazard', {
      assumption: true,
      explore: [0, 0.5],
    }),
    peerProtection: share(0.3, 'reduction of the hazard when all neighbours apply (linear in their share)', {
      assumption: true,
      explore: [0.2, 0.8],
    }),
    buyInProtection: share(0.3, 'reduction of the hazard at full leadership buy-in', {
      assumption: true,
      explore: [0.2, 0.8],
    }),
    sustainedAfterMonths: num(12, {
      min: 0,
      max: 600,
      unit: 'months',
      help: 'months of continuous application after which a person counts as sustaining capacity',
      source: 'reporting convention (UniSIC measures sustainment in years)',
    }),
  })
  .strict();

const context = z
  .object({
    urgency: share(0.5, 'urgency culture: speed valued over slowing down; caps feasibility', {
      assumption: true,
      explore: [0, 1],
    }),
    urgencyEffect: share(0.5, 'share of feasibility lost at full urgency (cap = absorptive × (1 − effect·urgency))', {
      assumption: true,
      explore: [0.25, 0.75],
    }),
    absorptiveCapacity: share(0.8, 'limited absorptive capacity: the ceiling on feasibility', {
      assumption: true,
      explore: [0.5, 1],
    }),
    curiousResistance: share(0.3, 'curious resistance: early contacts with skeptical/disinterested staff teach less trust', {
      assumption: true,
      explore: [0, 0.6],
    }),
    priorPartnershipPenalty: share(0.05, 'baseline trust lost to earlier research partnerships experienced negatively', {
      assumption: true,
      explore: [0, 0.15],
    }),
    learningCulture: share(0.4, 'baseline team psychological safety', { assumption: true, explore: [0.2, 0.7] }),
    leadershipBuyIn: share(0.5, 'board/leadership bought into slowing down: raises feasibility, protects sustainment', {
      assumption: true,
      explore: [0.2, 0.9],
    }),
    affectDecay: num(0.3, {
      min: 0,
      max: 5,
      unit: 'per month',
      help: 'rate at which affect returns to neutral (0.5) without contacts: affect fades within months, trust does not',
      source: 'assumption: Lawler 2001 (affect from exchange is transient; cohesion from repeated exchange lasts)',
      assumption: true,
      explore: [0.1, 0.5],
    }),
  })
  .strict();

const turnover = z
  .object({
    annualRate: share(0.17, 'staff turnover per year (nonprofits 13–21 %; human services ~28 %); replacements start naive', {
      source: 'nonprofit turnover survey (NC State 2008); McKay et al. 2018',
      explore: [0.13, 0.28],
    }),
  })
  .strict();

export const scenarioSchema = z
  .object({
    name: z.string().min(1).default('unnamed'),
    description: z.string().default(''),
    months: int(36, { min: 1, max: 1200, unit: 'months', help: 'simulated time', source: 'Metz et al. 2024: engagements of 6–24 months observed; 36 months covers the longest plus sustainment' }),
    organization: organization.default(organization.parse({})),
    dispositions: dispositions.default(dispositions.parse({})),
    isps: isps.default(isps.parse({})),
    engagement: engagement.default(engagement.parse({})),
    demand: demand.default(demand.parse({})),
    trust: trust.default(trust.parse({})),
    affect: affect.default(affect.parse({})),
    safety: safety.default(safety.parse({})),
    readiness: readiness.default(readiness.parse({})),
    knowledge: knowledge.default(knowledge.parse({})),
    adoption: adoption.default(adoption.parse({})),
    sustainment: sustainment.default(sustainment.parse({})),
    context: context.default(context.parse({})),
    turnover: turnover.default(turnover.parse({})),
  })
  .strict();

/** A fully resolved scenario: every default filled in. */
export type Scenario = z.output<typeof scenarioSchema>;
/** What a scenario file may contain (everything optional). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type DispositionName = keyof Scenario['dispositions'];
export const DISPOSITIONS = ['interested', 'skeptical', 'disinterested'] as const satisfies readonly DispositionName[];
