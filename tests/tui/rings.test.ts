/** The ring layout: everyone placed once, inside the panel, rings outward in order. */
import { describe, expect, it } from 'vitest';
import { ensureOrganization, loadScenario } from '../../src/scenarios/index.js';
import { createSimulation } from '../../src/sim/index.js';
import { createPalette } from '../../src/tui/palette.js';
import { layOutRings, type RingLayout } from '../../src/tui/ring-layout.js';
import { paintRings } from '../../src/tui/rings.js';

function ringsOf(name: string, overrides: string[] = []): Int32Array {
  const { scenario } = loadScenario(name, { overrides });
  return createSimulation(scenario, 1, { organization: ensureOrganization(scenario) }).view.ring;
}

function check(layout: RingLayout, ring: Int32Array): void {
  const placed = Array.from(layout.members).sort((a, b) => a - b);
  expect(placed).toEqual(Array.from(ring.keys()));
  const cells = [...layout.glyphCell, ...layout.hubCells];
  expect(new Set(cells).size).toBe(cells.length);
  for (const cell of cells) {
    expect(cell).toBeGreaterThanOrEqual(0);
    expect(cell).toBeLessThan(layout.width * layout.height);
  }
}

/** Mean distance from the centre of each ring's glyphs, in row heights along the rings' ellipses. */
function meanDistances(layout: RingLayout, ring: Int32Array): number[] {
  const cx = Math.floor((layout.width - 1) / 2);
  const cy = Math.floor((layout.height - 1) / 2);
  const stretch = Math.max(1, Math.min(1.6, Math.min(cx, layout.width - 1 - cx) / 2 / Math.min(cy, layout.height - 1 - cy)));
  const sums: number[] = [];
  const counts: number[] = [];
  for (let g = 0; g < layout.glyphCell.length; g++) {
    const r = ring[layout.members[layout.glyphStart[g]]];
    const cell = layout.glyphCell[g];
    const d = Math.hypot((cell % layout.width - cx) / 2 / stretch, Math.floor(cell / layout.width) - cy);
    sums[r] = (sums[r] ?? 0) + d;
    counts[r] = (counts[r] ?? 0) + 1;
  }
  return sums.map((sum, r) => sum / counts[r]).filter((d) => Number.isFinite(d));
}

describe('layOutRings', () => {
  it('draws the classroom as rings around the hub, one glyph per person, rings outward in order', () => {
    const ring = ringsOf('classroom');
    const layout = layOutRings(ring, 46, 18, 5);
    check(layout, ring);
    expect(layout.perGlyph).toBe(1);
    const distances = meanDistances(layout, ring);
    for (let r = 1; r < distances.length; r++) expect(distances[r]).toBeGreaterThan(distances[r - 1]);
    expect(layout.labels.map((label) => label.text)).toEqual(distances.map((_, r) => String(r)));
  });

  it('draws a real organization (CS-Aarhus, examples/) as rings of its own network', () => {
    const ring = ringsOf('examples/cs-aarhus/cs-aarhus.yaml');
    expect(ring.length).toBe(61);
    const layout = layOutRings(ring, 46, 18, 5);
    check(layout, ring);
    const distances = meanDistances(layout, ring);
    expect(distances.length).toBeGreaterThanOrEqual(4);
    for (let r = 1; r < distances.length; r++) expect(distances[r]).toBeGreaterThan(distances[r - 1]);
  });

  it('fits the 200-person foundation in an 80×24 panel and in a compare pane', () => {
    const ring = ringsOf('foundation');
    for (const [w, h] of [
      [46, 18],
      [39, 12],
    ]) {
      const layout = layOutRings(ring, w, h, 5);
      check(layout, ring);
      expect(layout.perGlyph).toBe(1);
    }
  });

  it('groups people into glyphs when the organization outgrows the panel', () => {
    const ring = ringsOf('foundation', ['organization.staff=3000', 'organization.units=60']);
    const layout = layOutRings(ring, 39, 12, 5);
    check(layout, ring);
    expect(layout.perGlyph).toBeGreaterThan(1);
    expect(layout.labels.at(-1)?.text).toBe(`1 glyph = ${layout.perGlyph} staff`);
  });

  it('makes room at the hub for more ISPs', () => {
    const ring = ringsOf('classroom');
    const layout = layOutRings(ring, 46, 18, 9);
    check(layout, ring);
    expect(layout.hubCells.length).toBeGreaterThanOrEqual(9);
  });
});

describe('paintRings', () => {
  it('draws one row per panel row, each exactly the panel width', () => {
    const simulation = createSimulation(loadScenario('classroom').scenario, 1);
    const ring = simulation.view.ring;
    const layout = layOutRings(ring, 46, 18, 5);
    const stages = new Uint8Array(ring.length).fill(6);
    const rows = paintRings(layout, { stages, marks: new Uint8Array(ring.length), busyIsps: [true, false] }, createPalette('none'));
    expect(rows).toHaveLength(18);
    const plain = rows.map((row) => row.replace(/\x1b\[[0-9;]*m/g, ''));
    for (const row of plain) expect(row.length).toBe(46);
    const text = plain.join('');
    expect(text.match(/●/g)).toHaveLength(40);
    expect(text.match(/◆/g)).toHaveLength(1);
    expect(text.match(/◇/g)).toHaveLength(1);
  });
});
