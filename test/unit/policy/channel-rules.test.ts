/**
 * Which channels a policy accepts reports through (src/domain/policy/channels.ts): what the public
 * page lists, whether the form, the API and mail intake take a report, and where a refused
 * reporter is pointed instead.
 */
import { describe, expect, it } from 'vitest'
import { acceptedChannels, acceptsThrough, type ChannelState, channelStates } from '../../../src/domain/policy/channels.js'
import type { Policy } from '../../../src/domain/policy/schema.js'

const withChannels = (channels: Policy['channels']): Policy => ({
  version: 1,
  organization: { name: 'Example', slug: 'example' },
  channels,
  calendar: { timeZone: 'UTC' },
  clocks: {},
})

const none = { note: null, name: null, url: null, address: null }
const webForm: ChannelState = { ...none, id: 'web-form', kind: 'web-form', state: 'accepted' }
const api: ChannelState = { ...none, id: 'api', kind: 'api', state: 'accepted' }
const email: ChannelState = { ...none, id: 'email', kind: 'email', state: 'accepted' }

const stateOf = (policy: Policy | undefined) => Object.fromEntries(channelStates(policy).map((c) => [c.id, c.state]))

describe('channelStates', () => {
  it('without a policy the form, the API and mail are open, with nothing more to say', () => {
    expect(channelStates(undefined)).toEqual([webForm, api, email])
  })

  it('a policy that says nothing about channels leaves them open', () => {
    expect(channelStates(withChannels({}))).toEqual([webForm, api, email])
  })

  it('a closed web form closes the API with it, and its note explains both', () => {
    expect(channelStates(withChannels({ webForm: { enabled: false, note: 'Write to us by e-mail.' } }))).toEqual([
      { ...webForm, state: 'refused', note: 'Write to us by e-mail.' },
      { ...api, state: 'refused', note: 'Write to us by e-mail.' },
      email,
    ])
  })

  it('an API setting of its own overrides the form, with its own note or none', () => {
    expect(
      channelStates(
        withChannels({ webForm: { enabled: false, note: 'Use e-mail.' }, api: { enabled: true, note: 'For scanners.' } }),
      ).slice(0, 2),
    ).toEqual([
      { ...webForm, state: 'refused', note: 'Use e-mail.' },
      { ...api, state: 'accepted', note: 'For scanners.' },
    ])
    expect(channelStates(withChannels({ webForm: { enabled: false, note: 'Use e-mail.' }, api: { enabled: true } }))[1]).toEqual(api)
    expect(channelStates(withChannels({ webForm: { enabled: true }, api: { enabled: false } }))[1]).toEqual({ ...api, state: 'refused' })
  })

  it('e-mail shows the first listed address and its note; mail intake switched off refuses it with its own note', () => {
    const addresses = [
      { address: 'security@example.org', note: 'Encrypted mail preferred.' },
      { address: 'backup@example.org', note: 'Backup.' },
    ]
    expect(channelStates(withChannels({ email: addresses }))[2]).toEqual({
      ...email,
      address: 'security@example.org',
      note: 'Encrypted mail preferred.',
    })
    expect(channelStates(withChannels({ email: addresses, mailIntake: { enabled: false, note: 'We read no mail.' } }))[2]).toEqual({
      ...email,
      state: 'refused',
      address: 'security@example.org',
      note: 'We read no mail.',
    })
    expect(channelStates(withChannels({ mailIntake: { enabled: true } }))[2]).toEqual(email)
    // An empty list of addresses shows none.
    expect(channelStates(withChannels({ email: [] }))[2]).toEqual(email)
  })

  it('platforms are listed after the built-in channels, accepted, with name, address and note', () => {
    const states = channelStates(
      withChannels({
        platforms: [
          { id: 'hackerone', kind: 'bug-bounty', name: 'HackerOne', url: 'https://hackerone.com/example', note: 'Bounties paid there.' },
          { id: 'github', kind: 'forge-private-reporting', name: 'GitHub', url: 'https://github.com/example/app/security' },
        ],
      }),
    )
    expect(states.slice(3)).toEqual([
      {
        id: 'hackerone',
        kind: 'platform',
        state: 'accepted',
        note: 'Bounties paid there.',
        name: 'HackerOne',
        url: 'https://hackerone.com/example',
        address: null,
      },
      {
        id: 'github',
        kind: 'platform',
        state: 'accepted',
        note: null,
        name: 'GitHub',
        url: 'https://github.com/example/app/security',
        address: null,
      },
    ])
  })

  it('only: the named channel is the only one, every other is refused', () => {
    const platforms = [{ id: 'hackerone', kind: 'bug-bounty' as const, name: 'HackerOne', url: 'https://hackerone.com/example' }]
    expect(stateOf(withChannels({ platforms, only: 'hackerone' }))).toEqual({
      'web-form': 'refused',
      api: 'refused',
      email: 'refused',
      hackerone: 'only',
    })
    expect(stateOf(withChannels({ platforms, only: 'email' }))).toEqual({
      'web-form': 'refused',
      api: 'refused',
      email: 'only',
      hackerone: 'refused',
    })
    // Only keeps what else the channel says.
    expect(channelStates(withChannels({ email: [{ address: 'security@example.org' }], only: 'email' }))[2]).toEqual({
      ...email,
      state: 'only',
      address: 'security@example.org',
    })
  })

  it('only naming a channel that does not exist changes nothing', () => {
    expect(stateOf(withChannels({ only: 'intigriti' }))).toEqual({ 'web-form': 'accepted', api: 'accepted', email: 'accepted' })
  })
})

describe('acceptsThrough', () => {
  it('takes a report through an accepted or the only channel, never through a refused one', () => {
    expect(acceptsThrough(undefined, 'web-form')).toBe(true)
    expect(acceptsThrough(withChannels({ webForm: { enabled: false } }), 'web-form')).toBe(false)
    expect(acceptsThrough(withChannels({ webForm: { enabled: false } }), 'api')).toBe(false)
    expect(acceptsThrough(withChannels({ webForm: { enabled: false } }), 'email')).toBe(true)
    expect(acceptsThrough(withChannels({ mailIntake: { enabled: false } }), 'email')).toBe(false)
    expect(acceptsThrough(withChannels({ only: 'api' }), 'api')).toBe(true)
    expect(acceptsThrough(withChannels({ only: 'api' }), 'web-form')).toBe(false)
  })
})

describe('acceptedChannels: where a refused reporter is pointed', () => {
  it('the open channels a person can use; e-mail only with an address to write to', () => {
    expect(acceptedChannels(undefined).map((c) => c.id)).toEqual(['web-form', 'api'])
    expect(acceptedChannels(withChannels({ email: [{ address: 'security@example.org' }] })).map((c) => c.id)).toEqual([
      'web-form',
      'api',
      'email',
    ])
  })

  it('the only channel, and nothing refused', () => {
    const platforms = [{ id: 'hackerone', kind: 'bug-bounty' as const, name: 'HackerOne', url: 'https://hackerone.com/example' }]
    expect(
      acceptedChannels(withChannels({ platforms, only: 'hackerone', email: [{ address: 'security@example.org' }] })).map((c) => c.id),
    ).toEqual(['hackerone'])
    expect(
      acceptedChannels(withChannels({ webForm: { enabled: false }, email: [{ address: 'security@example.org' }] })).map((c) => c.id),
    ).toEqual(['email'])
  })
})
