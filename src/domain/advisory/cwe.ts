/**
 * CWE ids ("CWE-79") checked against MITRE's CWE list as the installed `cwe-sdk` package ships it
 * (node_modules/cwe-sdk/raw/cwe-dictionary.json: weaknesses only, no categories or views). The
 * dictionary is 8 MB, so it is read once, on first use, and kept as a small id → name table.
 * Everything else here is pure.
 */
import { fail, ok, type Result } from '../result.js'

export interface Weakness {
  /** "CWE-79" */
  id: string
  name: string
  deprecated: boolean
}

export interface CweCatalogue {
  get(id: string): Weakness | undefined
  all(): readonly Weakness[]
}

/** The CWE Top 25 Most Dangerous Software Weaknesses (2024): what a picker offers first. */
export const mostUsedWeaknesses = [
  'CWE-79',
  'CWE-787',
  'CWE-89',
  'CWE-352',
  'CWE-22',
  'CWE-125',
  'CWE-78',
  'CWE-416',
  'CWE-862',
  'CWE-434',
  'CWE-94',
  'CWE-20',
  'CWE-77',
  'CWE-287',
  'CWE-269',
  'CWE-502',
  'CWE-200',
  'CWE-863',
  'CWE-918',
  'CWE-119',
  'CWE-476',
  'CWE-798',
  'CWE-190',
  'CWE-400',
  'CWE-306',
] as const

interface DictionaryEntry {
  attr?: { '@_ID'?: string; '@_Name'?: string; '@_Status'?: string }
}

/** Builds the catalogue from the dictionary's entries (keyed by number). */
export function cweCatalogueFrom(dictionary: Record<string, DictionaryEntry>): CweCatalogue {
  const byId = new Map<string, Weakness>()
  for (const [key, entry] of Object.entries(dictionary)) {
    const name = entry.attr?.['@_Name']
    if (!/^\d{1,5}$/.test(key) || !name) continue
    byId.set(`CWE-${key}`, { id: `CWE-${key}`, name, deprecated: entry.attr?.['@_Status'] === 'Deprecated' })
  }
  const list = [...byId.values()].sort((a, b) => Number(a.id.slice(4)) - Number(b.id.slice(4)))
  return { get: (id) => byId.get(id), all: () => list }
}

// The package (CommonJS) reads its dictionary with require(), so Node loads the 8 MB file itself,
// on first use only; a computed specifier keeps the untyped package out of the type checker.
const cweSdk = 'cwe-sdk'
let loading: Promise<CweCatalogue> | undefined

/** The installed CWE list, read once. */
export function loadCweCatalogue(): Promise<CweCatalogue> {
  loading ??= import(cweSdk).then((m: { default: { CweManager: new () => { cweDictionary: Record<string, DictionaryEntry> } } }) =>
    cweCatalogueFrom(new m.default.CweManager().cweDictionary),
  )
  return loading
}

export type CweError = { code: 'CWE_MALFORMED' } | { code: 'CWE_UNKNOWN'; id: string } | { code: 'CWE_DEPRECATED'; id: string }

/**
 * A CWE id as typed ("CWE-79", "cwe 79", "79") in its canonical form, if the list has it as a
 * weakness in use. Deprecated entries are refused: MITRE asks that they are not used for mapping.
 */
export function validateCwe(catalogue: CweCatalogue, typed: string): Result<Weakness, CweError> {
  const match = /^\s*(?:CWE[-\s]?)?(\d{1,5})\s*$/i.exec(typed)
  if (!match) return fail({ code: 'CWE_MALFORMED' })
  const id = `CWE-${Number(match[1])}`
  const weakness = catalogue.get(id)
  if (!weakness) return fail({ code: 'CWE_UNKNOWN', id })
  if (weakness.deprecated) return fail({ code: 'CWE_DEPRECATED', id })
  return ok(weakness)
}

/** The name of a CWE id, if the list has it. */
export const cweName = (catalogue: CweCatalogue, id: string): string | undefined => catalogue.get(id)?.name

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []

/**
 * Weaknesses for a picker: by id ("79", "CWE-79") or by every word of the query appearing in the
 * name ("sql injection"). The most used weaknesses come first; deprecated ones never appear.
 */
export function searchCwe(catalogue: CweCatalogue, query: string, limit = 20): Weakness[] {
  const q = query.trim().slice(0, 200)
  if (q === '')
    return mostUsedWeaknesses
      .map((id) => catalogue.get(id))
      .filter((w): w is Weakness => !!w && !w.deprecated)
      .slice(0, limit)
  const byId = validateCwe(catalogue, q)
  if (byId.ok) return [byId.value]
  const wanted = words(q)
  if (wanted.length === 0) return []
  const rank = (w: Weakness) => {
    const top = (mostUsedWeaknesses as readonly string[]).indexOf(w.id)
    return top === -1 ? mostUsedWeaknesses.length : top
  }
  return catalogue
    .all()
    .filter((w) => !w.deprecated && wanted.every((word) => words(w.name).some((n) => n.startsWith(word))))
    .sort((a, b) => rank(a) - rank(b))
    .slice(0, limit)
}
