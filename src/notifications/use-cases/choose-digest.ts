import type { Deps } from '../../deps.js'
import type { DigestChoice } from '../../domain/notification/notification-rules.js'
import { ok, type Result } from '../../domain/result.js'
import { saveDigestChoice } from '../../storage/repositories/notification-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'

/** The member's own choice of mail digest in this organization: off, or daily. */
export async function chooseDigest(
  deps: Deps,
  org: OrganizationRow,
  userId: string,
  digest: DigestChoice,
): Promise<Result<DigestChoice, never>> {
  return runUnit(deps, org, async (u) => {
    await saveDigestChoice(u.tx, org.id, userId, digest)
    return ok(digest)
  })
}
