/**
 * Checks a schema-valid policy for what a schema cannot see: names that must exist elsewhere
 * (time zones, holiday regions, contacts, steps, programs), duplicates, and step orders that loop.
 */
import { isKnownHolidayRegion, knownStates } from '../calendar/public-holidays.js'
import { isKnownTimeZone } from '../calendar/zoned-time.js'
import { quoted } from './durations.js'
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

/** Every problem a schema-valid policy still has. */
export function semanticProblems(policy: Policy): PathProblem[] {
  const suggest = suggester()
  return [
    ...checkCalendar(policy, suggest),
    ...checkReferences(policy, suggest),
    ...checkProcess(policy, suggest),
    ...checkContacts(policy),
  ]
}
