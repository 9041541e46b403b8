import type { Deps } from '../../deps.js'
import { mfaRequiredBy } from '../../domain/access/mfa-rule.js'
import { listOrganizationsOfMember, listPasskeys, secondFactorsOf } from '../../storage/repositories/mfa-repository.js'
import { policyOfVersion } from '../../storage/repositories/policy-repository.js'
import { userTimeZone } from '../../storage/time-zone.js'
import type { AccountUser } from './account-user.js'

/** What the security page shows: the person's factors, and which of their organizations require one. */
export async function securityOverview(deps: Deps, user: AccountUser) {
  const factors = await secondFactorsOf(deps.db, user.id)
  const passkeys = await listPasskeys(deps.db, user.id)
  const requiring: string[] = []
  for (const org of await listOrganizationsOfMember(deps.db, user.id)) {
    if (mfaRequiredBy(await policyOfVersion(deps.db, org.id, org.policy_version_id))) requiring.push(org.name)
  }
  return {
    totp: factors.totp,
    recoveryCodes: factors.recoveryCodes,
    passkeys: passkeys.map((p) => ({ id: p.id, name: p.name, createdAt: p.createdAt })),
    requiring,
    hasFactor: factors.totp || passkeys.length > 0,
    mfaVerified: user.mfaVerified,
    /** The zone of the person's organizations; dates on the page show in it. */
    timeZone: await userTimeZone(deps.db, user.id),
  }
}

export type SecurityOverview = Awaited<ReturnType<typeof securityOverview>>
