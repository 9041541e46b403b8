/** Shared steps of the partner tests: an organization on the KhulnaSoft preset with a security address, an advisory draft, partners' keys, mail decoding. */
import * as openpgp from 'openpgp'
import { setSecurityAddress } from '../../../src/mail/index.js'
import { readPreset } from '../../../src/policy-admin/presets.js'
import { importPolicy } from '../../../src/policy-admin/use-cases/import-policy.js'
import type { OrganizationRow } from '../../../src/storage/schema.js'
import { claimReport } from '../../../src/workspace/use-cases/claim-report.js'
import { asMember, type TestApp, type TestMember } from '../../support/app.js'
import { parseMail, type TestRelay } from '../../support/mail.js'
import { draftFor } from '../disclosure/disclosure-support.js'
import { orgWithPreset, reportViaApi } from '../policy/policy-support.js'

/**
 * KhulnaSoft (early disclosure list; Asia/Dhaka, UTC+6, no DST), with a security address to send
 * from, a responder and an advisory draft; `releaseWindows` (YAML under `disclosure:`, e.g.
 * "publicMerge: 48 hours") adds release windows to its policy.
 */
export async function khulnaSoftWithDraft(t: TestApp, releaseWindows?: string) {
  const org = releaseWindows ? await t.given.org() : await orgWithPreset(t, 'khulnasoft')
  if (releaseWindows) {
    const file = readPreset('khulnasoft')
    if (!file) throw new Error('no preset khulnasoft')
    const source = file.source.replace(/^disclosure:\n/m, `disclosure:\n  releaseWindows:\n    ${releaseWindows}\n`)
    const imported = await importPolicy(t.deps, org, source, file.fileName, null)
    if (!imported.ok) throw new Error(JSON.stringify(imported.error))
  }
  const sender = await setSecurityAddress(t.deps, org, { address: `security@${org.slug}.example`, encryptionRequired: false })
  if (!sender.ok) throw new Error(JSON.stringify(sender.error))
  const admin = await t.given.member(org, 'admin')
  const responder = await t.given.member(org, 'responder')
  const { ref } = await reportViaApi(t, org)
  // KhulnaSoft shares reports with the assigned team only (need to know): the responder takes it.
  const claimed = await claimReport(t.deps, org, ref, asMember(responder))
  if (!claimed.ok) throw new Error(JSON.stringify(claimed.error))
  const ownId = await draftFor(t, org, ref, responder, 'Token leak in the KhulnaSoft agent')
  return { org, admin, responder, ref, ownId }
}

export async function partnerKey(address: string) {
  // Made before the test clock's first day, so the key is valid at every moment the test visits.
  return openpgp.generateKey({
    type: 'ecc',
    curve: 'curve25519Legacy',
    userIDs: [{ email: address }],
    format: 'armored',
    date: new Date('2026-01-01T00:00:00.000Z'),
  })
}

/** Quoted-printable soft breaks and escapes undone (the encrypted entity is a QP text part). */
export const unQuote = (text: string) =>
  text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))

/** The mails the relay caught for `address`, raw and parsed. */
export async function mailsTo(relay: TestRelay, address: string) {
  return Promise.all(
    relay.received
      .filter((m) => m.rcpt.includes(address))
      .map(async (m) => ({ raw: m.raw.toString('utf8'), mail: await parseMail(m.raw) })),
  )
}

/** Decrypts a PGP/MIME mail with `privateKey` (and checks it is signed by `signedBy`, if given); the inner text part, decoded. */
export async function decrypted(raw: string, privateKey: string, signedBy?: string): Promise<string> {
  const armored = /-----BEGIN PGP MESSAGE-----[\s\S]+?-----END PGP MESSAGE-----/.exec(raw)?.[0]
  if (!armored) throw new Error('not encrypted')
  const plain = await openpgp.decrypt({
    message: await openpgp.readMessage({ armoredMessage: armored }),
    decryptionKeys: await openpgp.readPrivateKey({ armoredKey: privateKey }),
    ...(signedBy ? { verificationKeys: await openpgp.readKey({ armoredKey: signedBy }), expectSigned: true } : {}),
  })
  if (signedBy) await plain.signatures[0]?.verified // throws when the signature does not verify
  return unQuote(String(plain.data))
}

export const partnerLinkIn = (text: string): string => {
  const m = /https?:\/\/[^\s]+\/partner-notice\/[A-Za-z0-9_-]+/.exec(text)
  if (!m) throw new Error(`no partner link in: ${text.slice(0, 300)}`)
  return new URL(m[0]).pathname
}

/** An administrator adds a partner through the admin page. */
export async function addPartnerAsAdmin(
  t: TestApp,
  org: OrganizationRow,
  admin: TestMember,
  fields: {
    name: string
    kind: string
    maxEmbargo?: string
    excludedLabels?: string
    excludedPrograms?: string
    address: string
    publicKey?: string
  },
) {
  const b = t.browser()
  await b.signIn(admin)
  const page = `/w/${org.slug}/admin/partners`
  const res = await b.submit(page, page, {
    name: fields.name,
    kind: fields.kind,
    maxEmbargo: fields.maxEmbargo ?? '',
    excludedLabels: fields.excludedLabels ?? '',
    excludedPrograms: fields.excludedPrograms ?? '',
    address: fields.address,
    publicKey: fields.publicKey ?? '',
  })
  if (res.statusCode !== 303) throw new Error(`adding partner answered ${res.statusCode}: ${res.body.slice(0, 500)}`)
  const row = await t.deps.db
    .selectFrom('partner')
    .select('id')
    .where('org_id', '=', org.id)
    .where('name', '=', fields.name)
    .executeTakeFirstOrThrow()
  return row.id
}
