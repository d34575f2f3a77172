/**
 * Module resolution hooks for fail-runs.mjs (they run on Node's loader thread). A sibling of the
 * sweep modules in dist/ importing `./run-one.js` gets fail-runs-wrapper.mjs instead, told in
 * its URL which real module it stands for; the wrapper imports that through the specifier
 * below, which resolves to the real module with a `?real` query (so it is not redirected again).
 */
const REAL = 'concentric-test:real-run-one';
const WRAPPER = new URL('./fail-runs-wrapper.mjs', import.meta.url);

export async function resolve(specifier, context, nextResolve) {
  const parent = context.parentURL;
  if (specifier === './run-one.js' && parent !== undefined && /\/dist\/sweep\/[^/]+\.js$/.test(parent)) {
    const real = await nextResolve(specifier, context);
    const wrapper = new URL(WRAPPER);
    wrapper.searchParams.set('of', real.url);
    return { url: wrapper.href, format: 'module', shortCircuit: true };
  }
  if (specifier === REAL && parent !== undefined && parent.startsWith(WRAPPER.href)) {
    const of = new URL(parent).searchParams.get('of');
    if (of === null) throw new Error(`fail-runs: ${parent} does not say which run-one.js it wraps`);
    return { url: `${of}?real`, format: 'module', shortCircuit: true };
  }
  return nextResolve(specifier, context);
}
