/**
 * The built-in scenarios the page carries, as a ScenarioSource: `extends:` between built-ins
 * resolves as in the CLI, and a name not built in gets the CLI's "unknown built-in" message.
 */
import { InputError, nearest, type ScenarioSource } from '../scenarios/browser.js';

/** name (`foundation`, `hypotheses/capacity`) → YAML text */
export type BuiltinTexts = Readonly<Record<string, string>>;

export function builtinSource(texts: BuiltinTexts): ScenarioSource {
  const names = Object.keys(texts).sort();
  return {
    resolve(ref, _relativeTo, context) {
      const name = ref.replace(/\.ya?ml$/i, '');
      if (texts[name] === undefined) {
        const suggestion = nearest(ref, names);
        const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
        throw new InputError(`${context}: unknown built-in scenario "${ref}"${hint}: expected one of ${names.join(', ')} (the explorer reads built-ins only)`);
      }
      return { path: `${name}.yaml`, label: `${name} (built-in)` };
    },
    read: (path) => texts[path.replace(/\.yaml$/, '')],
    folderOf: () => '',
    nameOf: (path) => path.slice(path.lastIndexOf('/') + 1),
  };
}
