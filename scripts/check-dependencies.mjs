// Runs dependency-cruiser over src/ with the rules in .dependency-cruiser.cjs (part of `npm run check`).
// Extra arguments go to dependency-cruiser (e.g. `--output-type dot`); the default prints each violation.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const preload = fileURLToPath(new URL('./typescript5-for-cruiser.mjs', import.meta.url))
const cli = fileURLToPath(new URL('../node_modules/dependency-cruiser/bin/dependency-cruise.mjs', import.meta.url))
const args = process.argv.slice(2)
const result = spawnSync(
  process.execPath,
  ['--import', preload, cli, 'src', '--config', '.dependency-cruiser.cjs', ...(args.length > 0 ? args : ['--output-type', 'err-long'])],
  { stdio: 'inherit', cwd: root },
)
process.exit(result.status ?? 1)
