import type { Command } from 'commander'
import { buildWeb, openApp } from '../app.js'
import { loadConfig } from '../config.js'
import type { RegisteredRoute } from '../http/plugins/access-guard.js'

/** What a route must have to be in the one route shape: a schema for each part of the request it reads. */
export function routeShapeProblems(route: RegisteredRoute): string[] {
  const problems: string[] = []
  if (route.url.includes(':') && !route.schemas.params) problems.push('params without a schema')
  if (route.method !== 'GET' && !route.schemas.body) problems.push('body without a schema')
  return problems
}

/** Every route of the application with its rule, built against a throwaway in-memory database. */
export async function listRoutes(): Promise<RegisteredRoute[]> {
  const config = loadConfig(
    { ...process.env, EMBARGO_LOG_LEVEL: 'silent' },
    { databaseUrl: 'sqlite::memory:', masterKey: Buffer.alloc(32, 1) },
  )
  const app = await openApp(config)
  try {
    const server = await buildWeb(app.deps)
    await server.ready()
    const routes = [...server.registeredRoutes].sort((a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method))
    await server.close()
    return routes
  } finally {
    await app.close()
  }
}

const yes = (flag: boolean) => (flag ? 'yes' : '—')

/** `embargo routes [--json]`: method, path, access rule and which schemas each route has; exit 1 when one lacks a schema. */
export function registerRoutesCommand(program: Command): void {
  program
    .command('routes')
    .description('List every route with its access rule and the schemas that validate it (exit 1 if a route lacks one)')
    .option('--json', 'as JSON')
    .action(async (opts: { json?: boolean }) => {
      const routes = await listRoutes()
      const rows = routes.map((r) => ({ ...r, problems: routeShapeProblems(r) }))
      if (opts.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`)
      else {
        process.stdout.write('| method | route | access | params | query | body |\n| --- | --- | --- | --- | --- | --- |\n')
        for (const r of rows)
          process.stdout.write(
            `| ${r.method} | \`${r.url}\` | ${r.access} | ${yes(r.schemas.params)} | ${yes(r.schemas.query)} | ${yes(r.schemas.body)} |\n`,
          )
      }
      const unshaped = rows.filter((r) => r.problems.length > 0)
      if (unshaped.length > 0) {
        for (const r of unshaped) process.stderr.write(`embargo: ${r.method} ${r.url}: ${r.problems.join(', ')}\n`)
        process.exitCode = 1
      }
    })
}
