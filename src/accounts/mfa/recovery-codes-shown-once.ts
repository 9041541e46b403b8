import { hashRecoveryCode, newRecoveryCodes } from '../../auth/index.js'
import type { Deps } from '../../deps.js'
import type { Tx } from '../../storage/db.js'
import { newId } from '../../storage/ids.js'
import {
  deleteChallenge,
  deleteSessionChallenges,
  findSessionChallenge,
  insertChallenge,
  replaceRecoveryCodes,
} from '../../storage/repositories/mfa-repository.js'

const showWithinMs = 10 * 60 * 1000
const payloadContext = (id: string) => `mfa_challenge.payload|${id}`

/**
 * Makes a fresh set of recovery codes in the change's transaction: only their hashes are kept as
 * codes; the codes themselves wait, sealed, for the one page view that shows them to this session
 * (at most 10 minutes), and are deleted as that page is rendered.
 */
export async function makeRecoveryCodes(deps: Deps, tx: Tx, userId: string, sessionId: string, at: string): Promise<void> {
  const codes = newRecoveryCodes()
  await replaceRecoveryCodes(tx, userId, codes.map(hashRecoveryCode), at)
  await deleteSessionChallenges(tx, sessionId, 'recovery-codes')
  const id = newId()
  await insertChallenge(tx, {
    id,
    user_id: userId,
    purpose: 'recovery-codes',
    session_id: sessionId,
    webauthn_challenge: null,
    payload_enc: deps.keyring.forInstance('mfa').encrypt(JSON.stringify(codes), payloadContext(id)),
    created_at: at,
    expires_at: new Date(Date.parse(at) + showWithinMs).toISOString(),
  })
}

/** The codes made for this session, once: null when they were shown already (or never made). */
export async function takeRecoveryCodesToShow(deps: Deps, sessionId: string): Promise<string[] | null> {
  const row = await findSessionChallenge(deps.db, sessionId, 'recovery-codes', deps.now().toISOString())
  if (!row?.payload_enc || !(await deleteChallenge(deps.db, row.id))) return null
  return JSON.parse(deps.keyring.forInstance('mfa').decrypt(row.payload_enc, payloadContext(row.id))) as string[]
}
