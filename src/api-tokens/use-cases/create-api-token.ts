import crypto from 'node:crypto'
import type { Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { hashSecret, newId } from '../../storage/ids.js'
import { insertApiToken } from '../../storage/repositories/api-token-repository.js'
import type { OrganizationRow, Role } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'

/** How long a new token may live, in days: the form offers exactly these. */
export const tokenLifetimes = ['7', '30', '90', '365'] as const
export type TokenScope = 'read' | 'work'

export interface NewApiTokenInput {
  name: string
  scope: TokenScope
  days: (typeof tokenLifetimes)[number]
}

export type CreateApiTokenError = { code: 'TOKEN_NAME_INVALID' } | { code: 'TOKEN_SCOPE_NOT_ALLOWED' }

// One line, no controls or bidirectional overrides: the name is shown in lists and the audit log.
const oneLine = /^[^\p{Cc}\p{Cf}\u2028\u2029]{1,100}$/u

/**
 * A new API token for one member of one organization: 256 random bits, prefixed `emb_` so secret
 * scanners recognize a leaked one. Only its SHA-256 is stored; the secret is returned to be shown
 * once. The work scope needs a role that may work on reports.
 */
export async function createApiToken(
  deps: Deps,
  org: OrganizationRow,
  member: { userId: string; role: Role },
  input: NewApiTokenInput,
): Promise<Result<{ id: string; secret: string; expiresAt: string }, CreateApiTokenError>> {
  const name = input.name.trim()
  if (!oneLine.test(name) || [...name].length > 100) return fail({ code: 'TOKEN_NAME_INVALID' })
  if (input.scope === 'work' && member.role === 'viewer') return fail({ code: 'TOKEN_SCOPE_NOT_ALLOWED' })
  const secret = `emb_${crypto.randomBytes(32).toString('base64url')}`
  const id = newId()
  return runUnit(deps, org, async (u) => {
    const expiresAt = new Date(Date.parse(u.at) + Number(input.days) * 86_400_000).toISOString()
    await insertApiToken(u.tx, {
      id,
      orgId: org.id,
      userId: member.userId,
      name,
      scope: input.scope,
      tokenHash: hashSecret(secret),
      createdAt: u.at,
      expiresAt,
    })
    u.record(newEvent('token.created', { kind: 'user', id: member.userId }, u.at, null, { tokenId: id, scope: input.scope, expiresAt }))
    return ok({ id, secret, expiresAt })
  })
}
