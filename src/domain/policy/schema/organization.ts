/** Who the organization is, whom to reach, and through which channels reports arrive. */
import { type Static, Type } from '@sinclair/typebox'
import { Email, LanguageTag, List, Name, oneOf, policyLimits, Slug, strictObject, Text, Url } from './kit.js'

export const Organization = strictObject({
  name: Name('Name shown to reporters, e.g. "Kumi Systems"'),
  slug: Slug('Short id used in report references and URLs, e.g. "kumi-systems"'),
  website: Type.Optional(Url('Home page')),
  languages: Type.Optional(
    List(LanguageTag(), {
      minItems: 1,
      maxItems: policyLimits.shortList,
      description: 'Languages reports may be written in, preferred first',
    }),
  ),
})

export const OpenPgpKey = strictObject(
  {
    fingerprint: Type.Optional(
      Type.String({ pattern: '^[0-9A-Fa-f ]{32,}$', maxLength: policyLimits.fingerprint, description: 'Key fingerprint (hex)' }),
    ),
    url: Type.Optional(Url('Where the public key can be downloaded')),
    publicKey: Type.Optional(Text('The ASCII-armored public key itself', policyLimits.publicKey)),
  },
  'An OpenPGP public key: give at least one of fingerprint, url or publicKey',
)

/** A person, team or list that receives reports or escalations; the escalation chain names it by id. */
export const Contact = strictObject({
  id: Slug('Id used by the escalation chain and the team, e.g. "ceo"'),
  kind: oneOf(['person', 'team', 'mailing-list'] as const),
  name: Name(),
  role: Type.Optional(Name('e.g. "CEO"')),
  email: Type.Optional(Email()),
  openpgp: Type.Optional(OpenPgpKey),
  purpose: Type.Optional(Text('What to contact them about, e.g. "anything else than security"')),
})

export const EmailChannel = strictObject({
  address: Email(),
  encryption: Type.Optional(oneOf(['none', 'optional', 'preferred', 'required'] as const, 'Whether reports should be OpenPGP-encrypted')),
  openpgp: Type.Optional(OpenPgpKey),
  private: Type.Optional(Type.Boolean({ description: 'A private list or inbox (not archived publicly)' })),
  note: Type.Optional(Text()),
})

export const TrackerChannel = strictObject({
  name: Name('e.g. "KumiGit"'),
  url: Url(),
  confidentialIssues: Type.Optional(Type.Boolean({ description: 'Reporters can (and should) mark issues confidential' })),
  programs: Type.Optional(List(Slug(), { description: 'Programs this tracker takes; all when absent' })),
})

export const PublicTracker = strictObject({
  url: Url(),
  use: oneOf(['never-for-security', 'non-security-bugs'] as const),
  guidance: Type.Optional(Text("Why, in the policy's words")),
})

/** A channel the instance runs itself, switched on or off; `note` is shown to reporters (why it is refused, or how to use it). */
export const ChannelSwitch = strictObject({
  enabled: Type.Boolean(),
  note: Type.Optional(Text('Shown to reporters, e.g. why this channel is refused')),
})

/** A platform outside Embargo where reports are accepted; the team registers what arrives there (its clocks then run here). */
export const ExternalPlatform = strictObject({
  id: Slug('Id of the platform, e.g. "hackerone"; `only` may name it'),
  kind: oneOf(['bug-bounty', 'forge-private-reporting', 'other'] as const),
  name: Name('e.g. "HackerOne" or "GitHub private vulnerability reporting"'),
  url: Url('Where reporters submit there'),
  note: Type.Optional(Text()),
})

export const channelIds = ['web-form', 'api', 'email'] as const

export const Channels = strictObject({
  webForm: Type.Optional(strictObject({ enabled: Type.Boolean(), note: Type.Optional(Text()) })),
  api: Type.Optional(ChannelSwitch),
  mailIntake: Type.Optional(ChannelSwitch),
  platforms: Type.Optional(List(ExternalPlatform, { maxItems: policyLimits.shortList, description: 'Bug-bounty platforms, forges' })),
  only: Type.Optional(Slug('The one channel reports must use ("web-form", "api", "email" or a platform id); every other is refused')),
  email: Type.Optional(List(EmailChannel, { maxItems: policyLimits.shortList, description: 'Addresses, preferred first' })),
  trackers: Type.Optional(
    List(TrackerChannel, { maxItems: policyLimits.shortList, description: 'External trackers that accept confidential reports' }),
  ),
  publicTracker: Type.Optional(PublicTracker),
  fallback: Type.Optional(Text('What to do when nothing else works')),
})
export type Contact = Static<typeof Contact>
