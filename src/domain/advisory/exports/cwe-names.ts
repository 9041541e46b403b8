/**
 * CWE names by id, from the CWE dictionary the advisory's weakness picker validates against
 * (cwe-sdk). CSAF names a weakness with its exact dictionary name; CVE JSON 5 describes it with it.
 */
import dictionary from 'cwe-sdk/raw/cwe-dictionary.json' with { type: 'json' }

type Entry = { attr?: { '@_Name'?: string } }

/** "CWE-79" → its name, or undefined for an id not in the dictionary. */
export function cweName(id: string): string | undefined {
  const m = /^CWE-([1-9][0-9]*)$/.exec(id)
  if (!m) return undefined
  return (dictionary as unknown as Record<string, Entry>)[m[1]!]?.attr?.['@_Name']
}
