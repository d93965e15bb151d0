/**
 * Vega and Vega-Lite, as charts.ts uses them. Their ES modules are some 200 small files, which took a fresh
 * process about 0.35 s to load; `npm run build` bundles the compiled copy of this module (dist/render/vega.js)
 * into one file with esbuild, which loads in about half that. From src/ (tsx, the tests) the packages load as
 * published: the same code either way.
 */
export * as vega from 'vega';
export { compile, type TopLevelSpec } from 'vega-lite';
