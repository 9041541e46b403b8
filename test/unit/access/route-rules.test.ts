/**
 * Who may use each kind of route (src/domain/access/route-rules.ts): the table the server checks
 * every route against. Viewers read and never work; only administrators run the organization; the
 * team API needs a token of the right scope.
 */
import { describe, expect, it } from 'vitest'
import { access, accessNames } from '../../../src/domain/access/route-rules.js'

describe('the access rules', () => {
  it('members: everyone reads reports, viewers do not work them, only administrators administer', () => {
    expect(access['report.read']).toEqual({ kind: 'member', roles: ['admin', 'responder', 'viewer'] })
    expect(access['report.work']).toEqual({ kind: 'member', roles: ['admin', 'responder'] })
    expect(access['org.admin']).toEqual({ kind: 'member', roles: ['admin'] })
  })

  it('the team API: a read token for every role, a work token never for a viewer', () => {
    expect(access['api.read']).toEqual({ kind: 'token', scope: 'read', roles: ['admin', 'responder', 'viewer'] })
    expect(access['api.work']).toEqual({ kind: 'token', scope: 'work', roles: ['admin', 'responder'] })
  })

  it('the rules without an organization, and the list of every rule', () => {
    expect(access.public).toEqual({ kind: 'public' })
    expect(access.reporter).toEqual({ kind: 'reporter' })
    expect(access.setup).toEqual({ kind: 'setup' })
    expect(access['signed-in']).toEqual({ kind: 'signed-in' })
    expect(access['account.self']).toEqual({ kind: 'signed-in' })
    expect(access.metrics).toEqual({ kind: 'metrics' })
    expect(accessNames).toEqual(Object.keys(access))
    expect(accessNames).toHaveLength(11)
  })
})
