import type { Role } from './roles.js'

/**
 * Who may use each route, readable on one screen (ASVS v5.0.0-8.1.1). Every route names one of
 * these in `config.access`; the server refuses to start if a route names none.
 *
 * - `public`: anyone, signed in or not.
 * - `reporter`: holder of a report's follow-up capability (cookie set from the secret link).
 * - `signed-in`: any signed-in team member.
 * - `account.self`: any signed-in person, acting on their own account only (password, sessions).
 * - `setup`: only while the instance has no user yet, with the one-time setup token.
 * - member rules: signed in AND a member of the organization named by `:org` with one of the roles.
 *   A non-member gets 404, as if the organization's private pages did not exist.
 * - token rules (the team JSON API only): an `Authorization: Bearer emb_…` API token of the
 *   organization named by `:org`, live (not expired, not revoked), of a member who still has one
 *   of the roles and an enabled account, with the scope the route needs. Cookies count for nothing
 *   there (the API has no CSRF check), and a token counts for nothing on any other route.
 * - `metrics`: the Prometheus scraper, with `Authorization: Bearer <EMBARGO_METRICS_TOKEN>`; while
 *   the setting is unset the route answers 404 as if it did not exist.
 */
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'reporter' }
  | { kind: 'signed-in' }
  | { kind: 'setup' }
  | { kind: 'member'; roles: readonly Role[] }
  | { kind: 'token'; scope: 'read' | 'work'; roles: readonly Role[] }
  | { kind: 'metrics' }

const member = (...roles: Role[]): AccessRule => ({ kind: 'member', roles })
const token = (scope: 'read' | 'work', ...roles: Role[]): AccessRule => ({ kind: 'token', scope, roles })

export const access = {
  public: { kind: 'public' },
  reporter: { kind: 'reporter' },
  'signed-in': { kind: 'signed-in' },
  setup: { kind: 'setup' },
  'report.read': member('admin', 'responder', 'viewer'),
  'report.work': member('admin', 'responder'),
  'org.admin': member('admin'),
  'account.self': { kind: 'signed-in' },
  'api.read': token('read', 'admin', 'responder', 'viewer'),
  'api.work': token('work', 'admin', 'responder'),
  metrics: { kind: 'metrics' },
} as const satisfies Record<string, AccessRule>

export type AccessName = keyof typeof access
export const accessNames = Object.keys(access) as AccessName[]
