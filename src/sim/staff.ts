/**
 * The staff's arrays (src/agents' StaffState) made for a run, and the bit tricks the passes use on
 * them.
 */
import type { Disposition, StaffState } from '../agents/index.js';
import type { DispositionName } from '../scenarios/index.js';
import { freshArrays, type ArrayAllocator } from './arena.js';

/**
 * The scenario's dispositions in the order of their codes (agents' Disposition): src/sim takes only
 * types from src/scenarios, so the names are spelled here too, and tests/sim/staff.test.ts checks
 * them against src/scenarios' DISPOSITIONS.
 */
export const DISPOSITION_NAMES = ['interested', 'skeptical', 'disinterested'] as const satisfies readonly (keyof typeof Disposition & DispositionName)[];

export function createStaffState(size: number, arrays: ArrayAllocator = freshArrays): StaffState {
  return {
    size,
    disposition: arrays.uint8(size),
    threshold: arrays.float32(size),
    baselineTrust: arrays.float32(size),
    trust: arrays.float32(size),
    affect: arrays.float32(size).fill(0.5),
    acceptability: arrays.float32(size),
    appropriateness: arrays.float32(size),
    feasibility: arrays.float32(size),
    knowledge: arrays.float32(size),
    applying: arrays.uint8(size),
    adoptedWeek: arrays.int32(size).fill(-1),
    applyingSince: arrays.int32(size).fill(-1),
    contact: arrays.uint8(size),
    directContacts: arrays.uint16(size),
    lowStakesContacts: arrays.uint16(size),
    firstLowStakes: arrays.uint8(size),
    lowStakesBeforeAdoption: arrays.uint8(size),
    support: arrays.uint8(size),
    ownProject: arrays.uint8(size),
    exposure: arrays.float32(size),
  };
}

/** 1 if the person has met the ISPs (Contact.direct, the only level with bit 1 set), else 0: a branch-free count. */
export function metIsps(contact: number): number {
  return contact >> 1;
}
