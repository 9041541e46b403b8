// Completes package-lock.json with the Biome platform binaries that this workplace's npm registry
// does not serve (macOS, Windows, Android, musl). `npm install` here leaves them out, and then
// `npm ci` refuses the lock ("Missing: @biomejs/cli-darwin-arm64@ from lock file"). The entries
// added are optional and platform-bound, so npm skips them on Linux/glibc and never fetches them.
// Idempotent: prints what it added, or nothing. Usage: node .ci/complete-lock.mjs [package-lock.json]
import fs from 'node:fs'

const file = process.argv[2] ?? 'package-lock.json'
const lock = JSON.parse(fs.readFileSync(file, 'utf8'))
const packages = lock.packages ?? {}
const added = []

for (const [key, entry] of Object.entries(packages)) {
  if (!key.endsWith('node_modules/@biomejs/biome')) continue
  const base = key.slice(0, -'@biomejs/biome'.length)
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const match = /^@biomejs\/cli-(android|darwin|linux|win32)-(arm64|x64)(-musl)?$/.exec(name)
    if (!match || packages[base + name]) continue
    const [, os, cpu, musl] = match
    packages[base + name] = {
      version,
      cpu: [cpu],
      dev: entry.dev,
      ...(os === 'linux' ? { libc: [musl ? 'musl' : 'glibc'] } : {}),
      license: entry.license,
      optional: true,
      os: [os],
      ...(entry.engines ? { engines: entry.engines } : {}),
    }
    added.push(`${name}@${version}`)
  }
}

if (added.length > 0) {
  // Keep npm's order (sorted paths) so a later `npm install` makes no spurious diff.
  const sorted = Object.keys(packages).sort((a, b) => a.localeCompare(b, 'en'))
  lock.packages = Object.fromEntries(sorted.map((key) => [key, packages[key]]))
  fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`)
  console.log(`completed ${file} with ${added.join(', ')}`)
}
