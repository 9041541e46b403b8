import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { listRoutes, routeShapeProblems } from '../../../src/cli/routes-command.js'

/**
 * The house rules of docs/design.md that a reviewer would otherwise have to remember: one write
 * path, SQL only in storage, every route validated by schemas. (Folder rules — front doors, no
 * cycles, a pure domain — are checked by dependency-cruiser in `npm run check`.)
 */
const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../src')

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return /\.tsx?$/.test(entry.name) ? [full] : []
  })
}

const outsideStorage = sourceFiles(src).filter((file) => !file.startsWith(path.join(src, 'storage') + path.sep))
const offenders = (pattern: RegExp) =>
  outsideStorage.filter((file) => pattern.test(fs.readFileSync(file, 'utf8'))).map((file) => path.relative(src, file))

describe('one way to do each thing', () => {
  it('runs every transaction inside src/storage (the unit of work and its repositories)', () => {
    expect(offenders(/\.transaction\(/)).toEqual([])
  })

  it('writes no SQL outside src/storage', () => {
    expect(offenders(/\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(|\bsql`/)).toEqual([])
  })

  it('appends events and outbox rows only through the unit of work', () => {
    expect(offenders(/\b(appendEvents|enqueueOutbox|refreshReportClocks)\(/)).toEqual([])
  })

  it('validates the params and body of every route with a schema', async () => {
    const routes = await listRoutes()
    expect(routes.length).toBeGreaterThan(40)
    const unshaped = routes.flatMap((route) => routeShapeProblems(route).map((problem) => `${route.method} ${route.url}: ${problem}`))
    expect(unshaped).toEqual([])
  })
})
