/**
 * Where each person sits on screen: concentric rings around the ISPs — the ISPs at the hub, then
 * ring 0 (the first-engaged units), ring 1 (one tie away), ring 2, … Within a ring people sit in
 * staff order, clockwise from the top, so a unit forms a wedge. Depends only on the network and
 * the panel size, so it is computed once (rings.ts paints it every frame).
 */

export interface RingLayout {
  readonly width: number;
  readonly height: number;
  /** people shown by one glyph: 1 unless the organization is too large for the panel */
  readonly perGlyph: number;
  /** screen cell (row · width + column) of each glyph */
  readonly glyphCell: Int32Array;
  /** people of glyph g: members[glyphStart[g] .. glyphStart[g + 1]) */
  readonly glyphStart: Int32Array;
  readonly members: Int32Array;
  /** places for the ISPs at the hub, innermost first */
  readonly hubCells: Int32Array;
  /** ring numbers, drawn in the blank band just inside each ring */
  readonly labels: readonly { readonly cell: number; readonly text: string }[];
  /** 1 for the cells of every other ring's band (shaded where colour allows), else 0 */
  readonly band: Uint8Array;
}

interface Slot {
  readonly cell: number;
  readonly row: number;
  readonly col: number;
  /** distance from the centre in row heights (a column is half a row wide) */
  readonly distance: number;
  /** angle clockwise from the top, 0 … 2π */
  readonly angle: number;
}

function slotsFor(width: number, height: number, spacing: number): Slot[] {
  const cy = Math.floor((height - 1) / 2);
  const cx = Math.floor((width - 1) / 2);
  const slots: Slot[] = [];
  for (let row = 0; row < height; row++) {
    for (let col = cx % spacing; col < width; col += spacing) {
      const dx = (col - cx) / 2;
      const dy = row - cy;
      const angle = (Math.atan2(dy, dx) + 2.5 * Math.PI) % (2 * Math.PI);
      slots.push({ cell: row * width + col, row, col, distance: Math.round(Math.hypot(dx, dy) * 1000) / 1000, angle });
    }
  }
  slots.sort((a, b) => a.distance - b.distance || a.angle - b.angle);
  return slots;
}

/** People of each ring, in staff order (so units and teams stay together). */
function peopleByRing(ring: Int32Array): number[][] {
  const rings: number[][] = [];
  for (let i = 0; i < ring.length; i++) {
    const r = Math.max(0, ring[i]);
    while (rings.length <= r) rings.push([]);
    rings[r].push(i);
  }
  return rings;
}

/**
 * Every other ring on a shaded band reaching half-way to its neighbours, like a target, so the
 * rings read as rings. `spans` are each ring's inner and outer radius (row heights, along
 * ellipses `stretch` times wider than tall).
 */
function shadeBands(width: number, height: number, spans: readonly (readonly [number, number])[], stretch: number): Uint8Array {
  const cx = Math.floor((width - 1) / 2);
  const cy = Math.floor((height - 1) / 2);
  const band = new Uint8Array(width * height);
  const edges = spans.map(([inner, outer], k) => [
    k === 0 ? inner - 0.5 : (spans[k - 1][1] + inner) / 2,
    k === spans.length - 1 ? outer + 0.5 : (outer + spans[k + 1][0]) / 2,
  ]);
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      const distance = Math.hypot((col - cx) / 2 / stretch, row - cy);
      for (let k = 0; k < edges.length; k += 2) if (distance >= edges[k][0] && distance < edges[k][1]) band[row * width + col] = 1;
    }
  }
  return band;
}

interface Arrangement {
  /** width of the blank band before each ring, in row heights (0 = none) */
  readonly gap: number;
  readonly perGlyph: number;
}

/**
 * Rings as packed bands: the ISPs at the hub, then each ring on the nearest free places (`slots`,
 * nearest first: glyphs two columns apart or in every column), at least one full circle wide,
 * after a blank band `gap` wide. Null when they do not fit.
 */
function attempt(
  width: number,
  height: number,
  slots: readonly Slot[],
  byRing: readonly (readonly number[])[],
  hubSize: number,
  { gap, perGlyph }: Arrangement,
): RingLayout | null {
  let next = 0;
  /** Take slots out to `distance`, then whole shells (slots at one distance) until `count` are taken. */
  const take = (count: number, distance: number): Slot[] | null => {
    const taken: Slot[] = [];
    while (next < slots.length && slots[next].distance < distance - 1e-9) taken.push(slots[next++]);
    while (taken.length < count) {
      if (next >= slots.length) return null;
      const shell = slots[next].distance;
      while (next < slots.length && slots[next].distance === shell) taken.push(slots[next++]);
    }
    return taken;
  };
  const hub = take(Math.max(1, hubSize), 0);
  if (!hub) return null;
  let edge = hub[hub.length - 1].distance;
  const glyphCell: number[] = [];
  const glyphStart: number[] = [0];
  const members: number[] = [];
  const labels: { cell: number; text: string }[] = [];
  const spans: [number, number][] = [];
  for (let r = 0; r < byRing.length; r++) {
    const people = byRing[r];
    if (people.length === 0) continue;
    const band: Slot[] = [];
    while (next < slots.length && slots[next].distance < edge + gap - 1e-9) band.push(slots[next++]);
    const glyphs = Math.ceil(people.length / perGlyph);
    // A ring is at least one full circle wide (when there is room), so its people go all the way round.
    const inner = next < slots.length ? slots[next].distance : Infinity;
    const taken = take(glyphs, gap > 0 ? inner + 1 : 0);
    if (!taken) return null;
    spans.push([taken[0].distance, taken[taken.length - 1].distance]);
    edge = taken[taken.length - 1].distance;
    // Spread the glyphs evenly around the ring, then seat people clockwise from the top.
    taken.sort((a, b) => a.angle - b.angle);
    for (let g = 0; g < glyphs; g++) {
      glyphCell.push(taken[Math.floor(((g + 0.5) * taken.length) / glyphs)].cell);
      for (let k = g * perGlyph; k < Math.min(people.length, (g + 1) * perGlyph); k++) members.push(people[k]);
      glyphStart.push(members.length);
    }
    // The ring's number sits in the blank band inside it, at 3 o'clock.
    const text = String(r);
    const middle = band.length > 0 ? (band[0].distance + band[band.length - 1].distance) / 2 : 0;
    let best: Slot | undefined;
    let bestScore = Infinity;
    for (const slot of band) {
      if (slot.col + text.length > width || Math.abs(slot.angle - Math.PI / 2) > 0.3) continue;
      const score = Math.abs(slot.angle - Math.PI / 2) + Math.abs(slot.distance - middle);
      if (score < bestScore) [best, bestScore] = [slot, score];
    }
    if (best) labels.push({ cell: best.cell, text });
  }
  if (perGlyph > 1) labels.push({ cell: (height - 1) * width, text: `1 glyph = ${perGlyph} staff`.slice(0, width) });
  return {
    width,
    height,
    perGlyph,
    glyphCell: Int32Array.from(glyphCell),
    glyphStart: Int32Array.from(glyphStart),
    members: Int32Array.from(members),
    hubCells: Int32Array.from(hub.map((slot) => slot.cell)),
    labels,
    band: unshaded(shadeBands(width, height, spans, 1), labels),
  };
}

/** Labels stand on the plain background. */
function unshaded(band: Uint8Array, labels: readonly { readonly cell: number; readonly text: string }[]): Uint8Array {
  for (const label of labels) band.fill(0, label.cell, label.cell + label.text.length);
  return band;
}

/** Lattice points a circle of this radius passes near (≈ 4√2·ρ), fewer to keep neighbours apart. */
function circleCapacity(radius: number, stretch = 1): number {
  return Math.max(1, Math.floor(4.5 * radius * (1 + stretch) / 2));
}

/**
 * Rings as true circles (ellipses, in a wide panel): the ISPs at the hub, then each ring on one or more concentric circles
 * `gap` row heights beyond the last, its people evenly spaced round them, clockwise from the top.
 * Null when the outermost circle would not fit inside the panel.
 */
function circles(width: number, height: number, byRing: readonly (readonly number[])[], hubSize: number, gap: number): RingLayout | null {
  const cx = Math.floor((width - 1) / 2);
  const cy = Math.floor((height - 1) / 2);
  // Rings are ellipses as wide as the panel allows (up to 1.6 × their height, in row heights).
  const reach = Math.min(cy, height - 1 - cy);
  const reachX = Math.min(cx, width - 1 - cx) / 2;
  const stretch = Math.max(1, Math.min(1.6, reachX / Math.max(1, reach)));
  const hub = slotsFor(width, height, 2).filter((slot) => slot.distance <= (hubSize <= 1 ? 0 : hubSize <= 5 ? 1 : hubSize <= 9 ? 1.5 : 2.3));
  if (hub.length < hubSize) return null;
  // Plan the radii first: each ring's circles, innermost first.
  const plan: { ring: number; radius: number; glyphs: number }[][] = [];
  let radius = hub[hub.length - 1].distance;
  for (let r = 0; r < byRing.length; r++) {
    const count = byRing[r].length;
    if (count === 0) continue;
    radius += gap;
    const circlesOfRing: { ring: number; radius: number; glyphs: number }[] = [];
    let capacity = 0;
    for (;;) {
      circlesOfRing.push({ ring: r, radius, glyphs: 0 });
      capacity += circleCapacity(radius, stretch);
      if (capacity >= count) break;
      radius += 1;
    }
    if (radius > reach || radius * stretch > reachX) return null;
    // Share the ring's people among its circles by capacity.
    let left = count;
    circlesOfRing.forEach((circle, k) => {
      const share = k === circlesOfRing.length - 1 ? left : Math.round((count * circleCapacity(circle.radius, stretch)) / capacity);
      circle.glyphs = Math.min(left, share);
      left -= circle.glyphs;
    });
    plan.push(circlesOfRing);
  }
  const used = new Uint8Array(width * height);
  for (const slot of hub) used[slot.cell] = 1;
  /** The free slot (every other column) nearest to a point given in row heights from the centre. */
  const nearestFree = (x: number, y: number): number => {
    let best = -1;
    let bestDistance = Infinity;
    const col0 = cx + 2 * Math.round(x);
    const row0 = cy + Math.round(y);
    for (let row = row0 - 1; row <= row0 + 1; row++) {
      for (let col = col0 - 2; col <= col0 + 2; col += 2) {
        if (row < 0 || row >= height || col < 0 || col >= width || used[row * width + col]) continue;
        const distance = Math.hypot((col - cx) / 2 - x, row - cy - y);
        if (distance < bestDistance) [best, bestDistance] = [row * width + col, distance];
      }
    }
    return best;
  };
  const glyphCell: number[] = [];
  const glyphStart: number[] = [0];
  const members: number[] = [];
  const labels: { cell: number; text: string }[] = [];
  let inner = hub[hub.length - 1].distance;
  for (const circlesOfRing of plan) {
    const r = circlesOfRing[0].ring;
    const seats: { cell: number; angle: number }[] = [];
    for (const circle of circlesOfRing) {
      // Offset alternate circles by half a step so a thick ring does not line up in spokes.
      const offset = circle.radius - circlesOfRing[0].radius;
      for (let g = 0; g < circle.glyphs; g++) {
        const angle = (2 * Math.PI * (g + (offset % 2 === 0 ? 0.5 : 0))) / circle.glyphs;
        const cell = nearestFree(stretch * circle.radius * Math.sin(angle), -circle.radius * Math.cos(angle));
        if (cell < 0) return null;
        used[cell] = 1;
        seats.push({ cell, angle });
      }
    }
    seats.sort((a, b) => a.angle - b.angle);
    for (let k = 0; k < seats.length; k++) {
      glyphCell.push(seats[k].cell);
      members.push(byRing[r][k]);
      glyphStart.push(members.length);
    }
    // The ring's number, in the blank band inside it at 3 o'clock.
    const text = String(r);
    const col = cx + Math.round(stretch * (inner + circlesOfRing[0].radius));
    const cell = cy * width + col;
    if (2 * stretch * gap >= 3 && col + text.length <= width && !used[cell] && (text.length === 1 || !used[cell + 1])) {
      labels.push({ cell, text });
      for (let k = 0; k < text.length; k++) used[cell + k] = 1;
    }
    inner = circlesOfRing[circlesOfRing.length - 1].radius;
  }
  const band = shadeBands(width, height, plan.map((circlesOfRing) => [circlesOfRing[0].radius, circlesOfRing[circlesOfRing.length - 1].radius] as const), stretch);
  return {
    band: unshaded(band, labels),
    width,
    height,
    perGlyph: 1,
    glyphCell: Int32Array.from(glyphCell),
    glyphStart: Int32Array.from(glyphStart),
    members: Int32Array.from(members),
    hubCells: Int32Array.from(hub.map((slot) => slot.cell)),
    labels,
  };
}

/**
 * Place every person (or, in a very large organization, every group of `perGlyph` people) in a
 * width × height panel. Roomiest first: each ring on true circles, with the widest blank bands
 * that fit (up to 4 rows); then rings as packed bands of the nearest free places, with and without
 * blank bands, glyphs two columns apart or in every column; last, several people per glyph.
 */
export function layOutRings(ring: Int32Array, width: number, height: number, hubSize: number): RingLayout {
  const byRing = peopleByRing(ring);
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  for (let gap = 4; gap >= 1; gap -= 0.1) {
    const layout = circles(w, h, byRing, hubSize, gap);
    if (layout) return layout;
  }
  const wide = slotsFor(w, h, 2);
  const dense = slotsFor(w, h, 1);
  for (const [slots, gap] of [
    [wide, 1],
    [wide, 0],
    [dense, 1],
    [dense, 0],
  ] as const) {
    const layout = attempt(w, h, slots, byRing, hubSize, { gap, perGlyph: 1 });
    if (layout) return layout;
  }
  for (let perGlyph = 2; ; perGlyph++) {
    const layout = attempt(w, h, dense, byRing, hubSize, { gap: 0, perGlyph });
    if (layout) return layout;
    if (perGlyph > ring.length) throw new Error(`rings: a ${w}×${h} panel cannot hold ${ring.length} staff`);
  }
}
