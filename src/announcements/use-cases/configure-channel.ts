import { randomBytes } from 'node:crypto'
import { cipherFor, type Deps } from '../../deps.js'
import { type Delivery, deliveryUrlProblem } from '../../domain/advisory/announcement.js'
import { normalizeAddress } from '../../domain/email-address.js'
import { newEvent } from '../../domain/events.js'
import { fail, ok, type Result } from '../../domain/result.js'
import {
  type ChannelSettings,
  findAnnouncementChannel,
  saveAnnouncementChannel,
} from '../../storage/repositories/announcement-repository.js'
import { currentPolicy } from '../../storage/repositories/policy-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'

export interface ChannelForm {
  name: string
  delivery: Delivery
  address: string
  url: string
  homeserver: string
  room: string
  /** Empty keeps the Matrix token already stored (and an empty address, homeserver or room what is stored, for the same delivery). */
  token: string
}

export type ChannelField = 'name' | 'address' | 'url' | 'homeserver' | 'room' | 'token'
export type ConfigureChannelError = { code: 'FIELDS'; fields: Partial<Record<ChannelField, string>> }

/** A signing secret in Standard Webhooks' form: `whsec_` and 256 random bits in base64. */
const newSigningSecret = () => `whsec_${randomBytes(32).toString('base64')}`

const hostOf = (url: string) => new URL(url).host

/**
 * An administrator sets how one of the policy's announcement channels is delivered. Secrets (the
 * Slack webhook address, the Matrix token, the webhook signing secret) are sealed under the
 * organization's data key and never shown again — except a new signing secret, returned once for
 * the page to show. The event names the channel and the kind of delivery only.
 */
export async function configureChannel(
  deps: Deps,
  org: OrganizationRow,
  form: ChannelForm,
  actorId: string,
): Promise<Result<{ secret: string | null }, ConfigureChannelError>> {
  const names = ((await currentPolicy(deps.db, org.id))?.policy.disclosure?.announcements ?? []).map((a) => a.name)
  if (!names.includes(form.name)) return fail({ code: 'FIELDS', fields: { name: 'unknown-channel' } })
  const existing = await findAnnouncementChannel(deps.db, cipherFor(deps, org), org.id, form.name)
  // Secrets are never sent back to the form: an empty field keeps what is stored for the same delivery.
  const same = existing?.settings.delivery === form.delivery ? (existing.settings as Partial<Record<string, string>>) : {}
  const typed = (value: string, key: string) => (value.trim() === '' ? (same[key] ?? '') : value.trim())
  const fields: Partial<Record<ChannelField, string>> = {}
  const urlProblem = (value: string) => (value === '' ? 'required' : deliveryUrlProblem(value, deps.config.announceHttp))
  let settings: ChannelSettings | undefined
  let target = ''
  let secret: string | null = null
  if (form.delivery === 'mail') {
    const address = normalizeAddress(form.address)
    if (!address || address.length > 254) fields.address = form.address.trim() === '' ? 'required' : 'invalid-address'
    else {
      settings = { delivery: 'mail', address }
      target = address
    }
  } else if (form.delivery === 'slack' || form.delivery === 'webhook') {
    const url = typed(form.url, 'url')
    const wrong = urlProblem(url)
    if (wrong) fields.url = wrong
    else if (form.delivery === 'slack') {
      settings = { delivery: 'slack', url }
      target = hostOf(url)
    } else {
      const kept = existing?.settings.delivery === 'webhook' ? existing.settings.secret : null
      secret = kept ? null : newSigningSecret()
      settings = { delivery: 'webhook', url, secret: kept ?? (secret as string) }
      target = hostOf(url)
    }
  } else {
    const homeserver = typed(form.homeserver, 'homeserver').replace(/\/+$/, '')
    const wrong = urlProblem(homeserver)
    if (wrong) fields.homeserver = wrong
    const room = typed(form.room, 'room')
    if (!/^[!#][^\s:/]{1,255}:[^\s/]{1,255}$/.test(room)) fields.room = room === '' ? 'required' : 'invalid-room'
    const token = typed(form.token, 'token')
    if (token === '') fields.token = 'required'
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
    else if (token.length > 2000 || /[\u0000-\u001f\u007f\s]/.test(token)) fields.token = 'invalid-token'
    if (!fields.homeserver && !fields.room && !fields.token) {
      settings = { delivery: 'matrix', homeserver, room, token }
      target = `${room} (${hostOf(homeserver)})`
    }
  }
  if (!settings || Object.keys(fields).length > 0) return fail({ code: 'FIELDS', fields })
  const chosen = settings
  return runUnit(deps, org, async (u) => {
    await saveAnnouncementChannel(u.tx, u.cipher, org.id, { name: form.name, target, settings: chosen }, u.at)
    u.record(
      newEvent('announcement.channel_configured', { kind: 'user', id: actorId }, u.at, null, {
        channel: form.name,
        delivery: chosen.delivery,
      }),
    )
    return ok({ secret })
  })
}
