/**
 * Checks a schema-valid policy for what a schema cannot see: names that must exist elsewhere
 * (time zones, holiday regions, contacts, steps, programs), duplicates, and step orders that loop.
 */
import { isKnownHolidayRegion, knownStates } from '../calendar/public-holidays.js'
import { isKnownTimeZone } from '../calendar/zoned-time.js'
import { type Duration, parseDuration, quoted } from './durations.js'
import { countsBack } from './release-windows.js'
import type { Policy } from './schema.js'
import { type PathProblem, type Suggest, suggester } from './schema-problems.js'
import type { PathSegment } from './source-lines.js'

const didYouMean = (guess: string | undefined): string => (guess ? ` (did you mean ${JSON.stringify(guess)}?)` : '')

let timeZones: string[] | undefined
const knownTimeZones = (): string[] => {
  timeZones ??= Intl.supportedValuesOf('timeZone')
  return timeZones
}

function checkCalendar(policy: Policy, closestWord: Suggest): PathProblem[] {
  const { timeZone, holidays } = policy.calendar
  const problems: PathProblem[] = []
  if (!isKnownTimeZone(timeZone)) {
    problems.push({
      segments: ['calendar', 'timeZone'],
      message: `${quoted(timeZone)} is not a known IANA time zone${didYouMean(closestWord(timeZone, knownTimeZones()))}`,
    })
  }
  if (holidays && !isKnownHolidayRegion({ country: holidays.country })) {
    problems.push({
      segments: ['calendar', 'holidays', 'country'],
      message: `${JSON.stringify(holidays.country)} is not a country date-holidays knows`,
    })
  } else if (holidays?.state !== undefined && !isKnownHolidayRegion(holidays)) {
    const states = knownStates(holidays.country)
    problems.push({
      segments: ['calendar', 'holidays', 'state'],
      message: `${JSON.stringify(holidays.state)} is not a state of ${holidays.country}${states.length ? ` (known: ${states.join(', ')})` : ''}`,
    })
  }
  return problems
}

/** Reports every value seen twice in a list of entries, at the second occurrence. */
function duplicates<T>(
  items: readonly T[] | undefined,
  key: (item: T) => string,
  at: (index: number) => PathSegment[],
  what: string,
): PathProblem[] {
  const seen = new Set<string>()
  const problems: PathProblem[] = []
  items?.forEach((item, index) => {
    const value = key(item)
    if (seen.has(value)) problems.push({ segments: at(index), message: `${what} ${JSON.stringify(value)} is used twice` })
    seen.add(value)
  })
  return problems
}

function checkReferences(policy: Policy, closestWord: Suggest): PathProblem[] {
  const contactIds = (policy.contacts ?? []).map((c) => c.id)
  const programSlugs = (policy.programs ?? []).map((p) => p.slug)
  const unknownContact = (id: string) => `no contact has id ${JSON.stringify(id)}${didYouMean(closestWord(id, contactIds))}`
  const problems: PathProblem[] = [
    ...duplicates(
      policy.contacts,
      (c) => c.id,
      (i) => ['contacts', i, 'id'],
      'contact id',
    ),
    ...duplicates(
      policy.programs,
      (p) => p.slug,
      (i) => ['programs', i, 'slug'],
      'program slug',
    ),
    ...duplicates(
      policy.labels,
      (l) => l.name,
      (i) => ['labels', i, 'name'],
      'label',
    ),
    ...duplicates(
      policy.severity?.levels,
      (l) => l.level,
      (i) => ['severity', 'levels', i, 'level'],
      'severity level',
    ),
  ]
  policy.escalation?.chain.forEach((step, i) => {
    if (step.notify === 'contact' && step.contact === undefined) {
      problems.push({ segments: ['escalation', 'chain', i], message: 'names no contact (add contact: <id>, e.g. contact: ceo)' })
    } else if (step.notify !== 'contact' && step.contact !== undefined) {
      problems.push({
        segments: ['escalation', 'chain', i, 'contact'],
        message: `only a step with notify: contact names a contact (this one notifies the ${step.notify})`,
      })
    } else if (step.contact !== undefined && !contactIds.includes(step.contact)) {
      problems.push({ segments: ['escalation', 'chain', i, 'contact'], message: unknownContact(step.contact) })
    }
  })
  if (policy.team?.contact !== undefined && !contactIds.includes(policy.team.contact)) {
    problems.push({ segments: ['team', 'contact'], message: unknownContact(policy.team.contact) })
  }
  policy.team?.members?.forEach((id, i) => {
    if (!contactIds.includes(id)) problems.push({ segments: ['team', 'members', i], message: unknownContact(id) })
  })
  policy.programs?.forEach((program, i) => {
    const like = program.handledLike
    if (like === undefined) return
    if (like === program.slug)
      problems.push({ segments: ['programs', i, 'handledLike'], message: 'a program cannot be handled like itself' })
    else if (!programSlugs.includes(like)) {
      problems.push({
        segments: ['programs', i, 'handledLike'],
        message: `no program has slug ${JSON.stringify(like)}${didYouMean(closestWord(like, programSlugs))}`,
      })
    }
  })
  policy.programs?.forEach((program, i) => {
    if (program.thirdParty && program.kind !== 'third-party') {
      problems.push({
        segments: ['programs', i, 'thirdParty'],
        message: `only a program of kind third-party says how third-party reports are handled (this one is ${program.kind})`,
      })
    }
    problems.push(
      ...duplicates(
        program.fields,
        (f) => f.key,
        (j) => ['programs', i, 'fields', j, 'key'],
        'field key',
      ),
    )
  })
  policy.channels.trackers?.forEach((tracker, t) => {
    tracker.programs?.forEach((slug, i) => {
      if (!programSlugs.includes(slug)) {
        problems.push({
          segments: ['channels', 'trackers', t, 'programs', i],
          message: `no program has slug ${JSON.stringify(slug)}${didYouMean(closestWord(slug, programSlugs))}`,
        })
      }
    })
  })
  return problems
}

function checkProcess(policy: Policy, closestWord: Suggest): PathProblem[] {
  const steps = policy.process ?? []
  const ids = steps.map((s) => s.id)
  const problems = duplicates(
    steps,
    (s) => s.id,
    (i) => ['process', i, 'id'],
    'step id',
  )
  steps.forEach((step, i) => {
    step.before?.forEach((target, j) => {
      if (target === step.id) problems.push({ segments: ['process', i, 'before', j], message: 'a step cannot come before itself' })
      else if (!ids.includes(target)) {
        problems.push({
          segments: ['process', i, 'before', j],
          message: `no step has id ${JSON.stringify(target)}${didYouMean(closestWord(target, ids))}`,
        })
      }
    })
  })
  if (problems.length > 0) return problems
  const cycle = findCycle(steps.map((s) => ({ id: s.id, next: s.before ?? [] })))
  if (cycle) {
    const index = ids.indexOf(cycle[0] ?? '')
    problems.push({ segments: ['process', index, 'before'], message: `steps must come before each other in a loop: ${cycle.join(' → ')}` })
  }
  return problems
}

/** The first loop in the "before" graph, as ids ending where it started; `undefined` when there is none. */
export function findCycle(nodes: ReadonlyArray<{ id: string; next: readonly string[] }>): string[] | undefined {
  const edges = new Map(nodes.map((n) => [n.id, n.next]))
  const state = new Map<string, 'visiting' | 'done'>()
  const trail: string[] = []
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done') return undefined
    if (state.get(id) === 'visiting') return [...trail.slice(trail.indexOf(id)), id]
    state.set(id, 'visiting')
    trail.push(id)
    for (const next of edges.get(id) ?? []) {
      const found = visit(next)
      if (found) return found
    }
    trail.pop()
    state.set(id, 'done')
    return undefined
  }
  for (const node of nodes) {
    const found = visit(node.id)
    if (found) return found
  }
  return undefined
}

function checkContacts(policy: Policy): PathProblem[] {
  const problems: PathProblem[] = []
  const keys = [
    ...(policy.contacts ?? []).map((c, i) => ({ key: c.openpgp, at: ['contacts', i, 'openpgp'] as PathSegment[] })),
    ...(policy.channels.email ?? []).map((e, i) => ({ key: e.openpgp, at: ['channels', 'email', i, 'openpgp'] as PathSegment[] })),
  ]
  for (const { key, at } of keys) {
    if (key && !key.fingerprint && !key.url && !key.publicKey)
      problems.push({ segments: at, message: 'give the key as fingerprint, url or publicKey' })
  }
  policy.channels.email?.forEach((channel, i) => {
    if (channel.encryption === 'required' && !channel.openpgp) {
      problems.push({
        segments: ['channels', 'email', i, 'encryption'],
        message: 'encryption is required but no OpenPGP key is given for this address',
      })
    }
  })
  return problems
}

/** A duration in hours, to compare windows written in different units (a day counted as 24 hours). */
const hoursOf = (d: Duration): number => (d.unit === 'hours' ? d.amount : d.amount * 24)

/** Disclosure values that only make sense together (docs/policy.md, "Checked together"). */
function checkDisclosure(policy: Policy): PathProblem[] {
  const disclosure = policy.disclosure
  if (!disclosure) return []
  const problems: PathProblem[] = []
  const windows = disclosure.releaseWindows
  const parsed = (text: string | undefined) => (text === undefined ? undefined : parseDuration(text))
  const partner = parsed(windows?.partnerNotice)
  const merge = parsed(windows?.publicMerge)
  const lead = parsed(disclosure.earlyDisclosure?.leadTime)
  for (const [key, duration] of [
    ['partnerNotice', partner],
    ['publicMerge', merge],
  ] as const) {
    if (duration && !countsBack(duration)) {
      problems.push({
        segments: ['disclosure', 'releaseWindows', key],
        message: 'a release window is counted back from the release in days or hours, not business days (e.g. "7 days", "24 hours")',
      })
    }
  }
  if (partner && !disclosure.earlyDisclosure) {
    problems.push({
      segments: ['disclosure', 'releaseWindows', 'partnerNotice'],
      message: 'partners are given a notice window, but disclosure.earlyDisclosure names no partners or channel to tell them through',
    })
  }
  if (partner && merge && countsBack(partner) && countsBack(merge) && hoursOf(merge) > hoursOf(partner)) {
    problems.push({
      segments: ['disclosure', 'releaseWindows', 'publicMerge'],
      message: `the fix could be merged publicly (${windows?.publicMerge} before the release) before partners may be told (${windows?.partnerNotice} before it)`,
    })
  }
  if (lead && partner && countsBack(partner) && hoursOf(lead) > hoursOf(partner)) {
    problems.push({
      segments: ['disclosure', 'earlyDisclosure', 'leadTime'],
      message: `partners are promised ${disclosure.earlyDisclosure?.leadTime} of notice, but releaseWindows.partnerNotice allows at most ${windows?.partnerNotice}`,
    })
  }
  if (disclosure.advisory === 'never' && disclosure.publishAllReports) {
    problems.push({
      segments: ['disclosure', 'publishAllReports'],
      message: 'every report is to be made public, but advisory: never publishes nothing (choose one)',
    })
  }
  if (disclosure.advisory === 'never' && disclosure.cve === 'always') {
    problems.push({
      segments: ['disclosure', 'cve'],
      message: 'a CVE record is public and points to an advisory, but advisory: never publishes none (choose one)',
    })
  }
  return problems
}

/** Recognition and confidentiality values that contradict each other. */
function checkPromises(policy: Policy): PathProblem[] {
  const problems: PathProblem[] = []
  const recognition = policy.recognition
  recognition?.rewards?.forEach((reward, i) => {
    if (reward.kind === 'money' && recognition.bounty === false) {
      problems.push({
        segments: ['recognition', 'rewards', i, 'kind'],
        message: 'a money reward, but bounty: false says there is no monetary bug bounty (choose one)',
      })
    }
  })
  const when = policy.confidentiality?.markConfidentialWhen ?? []
  if (when.includes('always') && when.length > 1) {
    problems.push({
      segments: ['confidentiality', 'markConfidentialWhen'],
      message: '"always" already covers every other case; list it alone',
    })
  }
  return problems
}

/** The Cyber Resilience Act section: a manufacturer names its Member State; notified contacts exist. */
function checkRegulation(policy: Policy, closestWord: Suggest): PathProblem[] {
  const cra = policy.regulation?.cra
  if (!cra) return []
  const problems: PathProblem[] = []
  if (cra.manufacturer && cra.memberState === undefined) {
    problems.push({
      segments: ['regulation', 'cra'],
      message:
        'a manufacturer names the Member State of its main establishment (memberState: NL, …): its CSIRT coordinates the notifications',
    })
  }
  const contactIds = (policy.contacts ?? []).map((c) => c.id)
  cra.notify?.forEach((id, i) => {
    if (!contactIds.includes(id)) {
      problems.push({
        segments: ['regulation', 'cra', 'notify', i],
        message: `no contact has id ${JSON.stringify(id)}${didYouMean(closestWord(id, contactIds))}`,
      })
    } else if (!policy.contacts?.find((c) => c.id === id)?.email) {
      problems.push({ segments: ['regulation', 'cra', 'notify', i], message: `contact ${JSON.stringify(id)} has no email to be told at` })
    }
  })
  return problems
}

/** Every problem a schema-valid policy still has. */
export function semanticProblems(policy: Policy): PathProblem[] {
  const suggest = suggester()
  return [
    ...checkCalendar(policy, suggest),
    ...checkReferences(policy, suggest),
    ...checkProcess(policy, suggest),
    ...checkContacts(policy),
    ...checkDisclosure(policy),
    ...checkPromises(policy),
    ...checkRegulation(policy, suggest),
  ]
}
