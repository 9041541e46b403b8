/**
 * The folder rules of docs/design.md, checked by `npm run check` (dependency-cruiser).
 * Layers: domain (pure rules) ← storage (the only I/O with the database) ← features ← app/cli.
 * A feature is used by others only through its front door, `src/<feature>/index.ts`.
 */
const features = '(egress|intake|portal|workspace|policy|policy-admin|mail|auth|accounts|admin|setup|jobs|clocks|disclosure|coordination|regulation|audit|ops|recognition|api-tokens|sso|announcements|partners|report-publication|reply-templates|notifications)'

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycles',
      severity: 'error',
      comment: 'Folders depend on each other in one direction only.',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-module-cycles',
      severity: 'error',
      comment: 'No file imports itself through others.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'src/domain holds the rules: no I/O, no framework, nothing from the shell.',
      from: { path: '^src/domain/' },
      to: {
        pathNot: ['^src/domain/', '^node_modules/(@sinclair/typebox|yaml|date-holidays|markdown-it|ae-cvss-calculator|semver|packageurl-js|cwe-sdk|ipaddr.js)/'],
      },
    },
    {
      name: 'storage-is-below-features',
      severity: 'error',
      comment: 'Storage knows the domain, never a feature or the HTTP layer.',
      from: { path: '^src/storage/' },
      to: { path: [`^src/${features}/`, '^src/http/', '^src/cli/', '^src/app\\.ts$'] },
    },
    {
      name: 'sql-only-in-storage',
      severity: 'error',
      comment: 'SQL and drivers live under src/storage; features call repositories and the unit of work.',
      from: { path: '^src/', pathNot: '^src/storage/' },
      to: { path: '^node_modules/(kysely|better-sqlite3|pg)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'front-doors',
      severity: 'error',
      comment: 'Another feature is used only through its index.ts.',
      from: { path: `^src/${features}/` },
      to: { path: `^src/${features}/(?!index\\.tsx?$)`, pathNot: '^src/$1/' },
    },
    {
      name: 'layers-use-front-doors',
      severity: 'error',
      comment: 'The CLI and the jobs reach features through their front doors.',
      from: { path: '^src/(cli|http)/' },
      to: { path: `^src/${features}/(?!index\\.tsx?$)` },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: ['^src/', '^node_modules/'],
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
}
