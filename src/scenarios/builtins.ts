/** The built-in scenarios' names that need no file system: the default, and the folders of variants. */
export const DEFAULT_SCENARIO = 'foundation';

/** Folders of built-in variants, named `<folder>/<name>` (the rival explanations of pattern 2). */
export const BUILTIN_FOLDERS = ['hypotheses'] as const;
