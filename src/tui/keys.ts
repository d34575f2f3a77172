/**
 * The keys: one table read by the input handler, the help screen, the key bar and the tests, so
 * what the help says is what the keys do.
 */
import type { Key } from 'ink';

export const Action = {
  pause: 'pause',
  step: 'step',
  faster: 'faster',
  slower: 'slower',
  length: 'length',
  addIsp: 'addIsp',
  removeIsp: 'removeIsp',
  urgency: 'urgency',
  restart: 'restart',
  help: 'help',
  quit: 'quit',
} as const;
export type Action = keyof typeof Action;

export interface KeyBinding {
  readonly action: Action;
  /** how the key is written on screen */
  readonly label: string;
  /** what the help screen says it does */
  readonly help: string;
  /** key characters that trigger it (besides `arrow`) */
  readonly inputs: readonly string[];
  readonly arrow?: 'rightArrow';
}

export const KEYS: readonly KeyBinding[] = [
  { action: 'pause', label: 'space', help: 'pause / resume', inputs: [' '] },
  { action: 'step', label: '→', help: 'one week forward (pauses first)', inputs: [], arrow: 'rightArrow' },
  { action: 'faster', label: '+', help: 'faster (weeks per second)', inputs: ['+', '='] },
  { action: 'slower', label: '-', help: 'slower', inputs: ['-', '_', '−'] },
  { action: 'length', label: 'e', help: 'cycle engagement length: 3 6 9 12 18 24 36 months (new engagements)', inputs: ['e'] },
  { action: 'addIsp', label: 'i', help: 'add an ISP', inputs: ['i'] },
  { action: 'removeIsp', label: 'I', help: 'remove an ISP (their engagements run to the end)', inputs: ['I'] },
  { action: 'urgency', label: 'c', help: 'toggle urgency culture (it caps feasibility)', inputs: ['c'] },
  { action: 'restart', label: 'r', help: 'restart with a new seed, keeping your settings', inputs: ['r'] },
  { action: 'help', label: '?', help: 'this help (? or Esc closes it)', inputs: ['?'] },
  { action: 'quit', label: 'q', help: 'quit', inputs: ['q'] },
];

/** The action a key press asks for, if any. */
export function actionFor(input: string, key: Pick<Key, 'rightArrow' | 'ctrl' | 'meta'>): Action | undefined {
  if (key.ctrl || key.meta) return undefined;
  for (const binding of KEYS) {
    if (binding.arrow && key[binding.arrow]) return binding.action;
    if (binding.inputs.includes(input)) return binding.action;
  }
  return undefined;
}

/** The short form in the key bar: key and a word or two. */
export const KEY_BAR: readonly (readonly [string, string])[] = [
  ['␣', 'pause'],
  ['→', 'week'],
  ['+-', 'speed'],
  ['e', 'length'],
  ['iI', 'ISPs'],
  ['c', 'urgency'],
  ['r', 'seed'],
  ['?', 'help'],
  ['q', 'quit'],
];
