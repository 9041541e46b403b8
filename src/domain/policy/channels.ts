/**
 * Which channels the organization's policy accepts reports through, and why the others are
 * refused. Pure: the intake routes, the API, mail ingestion and the public page all ask this one
 * rule, so the instance never takes a report through a channel its policy closed.
 *
 * - web form: accepted unless `channels.webForm.enabled: false`.
 * - API: follows the web form unless `channels.api` says otherwise (the API is the form for programs).
 * - e-mail: mail to the organization becomes a report unless `channels.mailIntake.enabled: false`;
 *   shown to reporters only when the policy lists addresses (`channels.email`).
 * - platforms (`channels.platforms`): accepted on the platform itself; the team registers them here.
 * - `channels.only` names the one channel reports must use: every other is refused.
 * Without a policy, the web form and the API are open (an organization's first days).
 */
import type { Policy } from './schema.js'

export type ChannelKind = 'web-form' | 'api' | 'email' | 'platform'
export type ChannelStateName = 'accepted' | 'refused' | 'only'

export interface ChannelState {
  /** `web-form`, `api`, `email`, or the platform's id. */
  id: string
  kind: ChannelKind
  state: ChannelStateName
  /** The policy's note: why it is refused, or how to use it. */
  note: string | null
  /** Platforms: name and address; e-mail: the first listed address. */
  name: string | null
  url: string | null
  address: string | null
}

/** Every channel the policy names (and the built-in ones), each with its state. */
export function channelStates(policy: Policy | undefined): ChannelState[] {
  const c = policy?.channels
  const base = { note: null, name: null, url: null, address: null }
  const webOn = c?.webForm?.enabled !== false
  const list: ChannelState[] = [
    { ...base, id: 'web-form', kind: 'web-form', state: webOn ? 'accepted' : 'refused', note: c?.webForm?.note ?? null },
    {
      ...base,
      id: 'api',
      kind: 'api',
      state: (c?.api ? c.api.enabled : webOn) ? 'accepted' : 'refused',
      note: c?.api?.note ?? (c?.api ? null : (c?.webForm?.note ?? null)),
    },
    {
      ...base,
      id: 'email',
      kind: 'email',
      state: c?.mailIntake?.enabled === false ? 'refused' : 'accepted',
      note: c?.mailIntake?.note ?? c?.email?.[0]?.note ?? null,
      address: c?.email?.[0]?.address ?? null,
    },
    ...(c?.platforms ?? []).map(
      (p): ChannelState => ({ ...base, id: p.id, kind: 'platform', state: 'accepted', note: p.note ?? null, name: p.name, url: p.url }),
    ),
  ]
  const only = c?.only
  if (only === undefined || !list.some((ch) => ch.id === only)) return list
  return list.map((ch) => (ch.id === only ? { ...ch, state: 'only' } : { ...ch, state: 'refused' }))
}

/** Whether reports may arrive through this channel. */
export function acceptsThrough(policy: Policy | undefined, id: 'web-form' | 'api' | 'email'): boolean {
  return channelStates(policy).find((ch) => ch.id === id)?.state !== 'refused'
}

/**
 * What a reporter is pointed to when a channel refuses them: the accepted channels a person can
 * use. E-mail is listed only when the policy gives an address to write to.
 */
export function acceptedChannels(policy: Policy | undefined): ChannelState[] {
  return channelStates(policy).filter((ch) => ch.state !== 'refused' && (ch.kind !== 'email' || ch.address !== null))
}
