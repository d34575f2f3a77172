/**
 * M7 — sustainment. Once support ends, people stop applying at a hazard (UniSIC: 0.04–0.06 per
 * month ⇒ 25–37 % still sustaining after 2 years), reduced by colleagues who keep applying and
 * by leadership buy-in; during active support the hazard is a fraction of that.
 */
export function discontinuationHazard(
  base: number,
  supported: boolean,
  duringSupport: number,
  exposure: number,
  peerProtection: number,
  leadershipBuyIn: number,
  buyInProtection: number,
): number {
  const support = supported ? duringSupport : 1;
  return base * support * (1 - peerProtection * exposure) * (1 - buyInProtection * leadershipBuyIn);
}
