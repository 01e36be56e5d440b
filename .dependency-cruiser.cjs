// @ts-check
/**
 * Import rules that `npm run lint` checks with dependency-cruiser, over the imports that run:
 * TypeScript erases type-only imports (verbatimModuleSyntax marks every one), so those are free.
 * 1. No import cycle between files anywhere in src/.
 * 2. The simulator's parts import only the parts below them; src/sim/README.md says why this order.
 */

/** src/sim's parts, lowest first. */
const SIM_PARTS = [
  { name: 'base', path: '^src/sim/(clock|random|version|runtime|cluster-types)\\.ts$' },
  { name: 'api', path: '^src/sim/api/' },
  { name: 'net', path: '^src/sim/net/' },
  { name: 'controllers', path: '^src/sim/controllers/' },
  { name: 'kubectl', path: '^src/sim/kubectl/' },
  { name: 'shell', path: '^src/sim/shell/' },
  { name: 'cluster', path: '^src/sim/(bootstrap[a-z-]*|cluster|index)\\.ts$' },
];
const ORDER = SIM_PARTS.map((part) => part.name).join(' → ');

/** @type {import('dependency-cruiser').IForbiddenRuleType[]} */
const partOrder = SIM_PARTS.slice(0, -1).map((part, index) => ({
  name: `sim-${part.name}-imports-only-below`,
  comment: `src/sim's parts import downwards only (${ORDER}): ${part.name} may not import ${SIM_PARTS.slice(
    index + 1,
  )
    .map((above) => above.name)
    .join(', ')}. Pass what a lower part must call in from cluster.ts (see runtime.ts).`,
  severity: 'error',
  from: { path: part.path },
  to: { path: SIM_PARTS.slice(index + 1).map((above) => above.path) },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-import-cycle',
      comment: 'Files in src/ import each other in a loop. Move what both need into a third file.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...partOrder,
    {
      name: 'sim-file-in-a-part',
      comment: `Every file of src/sim belongs to one of its parts (${ORDER}): add it to SIM_PARTS in .dependency-cruiser.cjs.`,
      severity: 'error',
      from: { path: '^src/sim/', pathNot: SIM_PARTS.map((part) => part.path) },
      to: {},
    },
  ],
  options: {
    // Cruise the compiled JavaScript, whose imports are the ones that run.
    tsPreCompilationDeps: false,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
  },
};
