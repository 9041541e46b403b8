/**
 * What the queue's search finds, as plain tokens: the words of a report's title and text and of
 * the reporter's messages, and the reporter's e-mail address. Storage never keeps these tokens:
 * it keeps a keyed hash of each (a blind index, src/storage/repositories/search-index-repository.ts),
 * so the database holds no word of what was reported.
 *
 * Normalisation, the same for what is indexed and what is searched: Unicode NFKC, lower case;
 * a word is a run of letters and digits of at least three characters (shorter ones match too
 * much and say too little); an address is the whole address, lower-cased. Words and addresses
 * are tagged (`w:`/`a:`) so a word never matches an address. Pure: no I/O.
 */

/** Fewer than this many characters is not a word for search. */
export const minWordLength = 3
/** A longer run of letters is not a word anybody types (a key, a hash, base64): not indexed. */
export const maxWordLength = 64
/** At most this many distinct words per indexed text: a report pasting a whole log stays bounded. */
export const maxWordsPerText = 2000

const normalise = (text: string) => text.normalize('NFKC').toLowerCase()

/** The distinct word tokens of a text. */
export function wordTokens(text: string): string[] {
  const words = new Set<string>()
  for (const match of normalise(text).matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0]
    if ([...word].length < minWordLength || word.length > maxWordLength) continue
    words.add(`w:${word}`)
    if (words.size >= maxWordsPerText) break
  }
  return [...words]
}

/** The token of an e-mail address (the whole address, lower-cased); none for something that is not one. */
export function addressToken(address: string): string | undefined {
  const a = normalise(address.trim())
  return /^[^\s@]+@[^\s@]+$/.test(a) ? `a:${a}` : undefined
}

/** Every token of a report's searchable text: its words and, when known, the reporter's address. */
export function reportTokens(texts: readonly string[], reporterAddress: string | null): string[] {
  const all = new Set<string>()
  for (const text of texts) for (const token of wordTokens(text)) all.add(token)
  const address = reporterAddress === null ? undefined : addressToken(reporterAddress)
  if (address) all.add(address)
  return [...all]
}

/** What someone typed in the search box. */
export type SearchTerms = { kind: 'reference'; ref: string } | { kind: 'tokens'; tokens: string[] } | { kind: 'none' }

/** A report's reference as typed (`ACME-2026-0042`, any case). */
const referencePattern = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*-\d{4}-\d+$/u

/**
 * A search box's text as terms: a reference alone is looked up exactly; otherwise every address
 * and every word must match (AND). Text that yields no token (only short words) searches nothing.
 */
export function parseSearch(input: string): SearchTerms {
  const text = input.normalize('NFKC').trim()
  if (text === '') return { kind: 'none' }
  if (referencePattern.test(text)) return { kind: 'reference', ref: text.toUpperCase() }
  const tokens = new Set<string>()
  for (const part of text.split(/\s+/)) {
    const address = part.includes('@') ? addressToken(part) : undefined
    if (address) tokens.add(address)
    else for (const word of wordTokens(part)) tokens.add(word)
  }
  return tokens.size === 0 ? { kind: 'tokens', tokens: [] } : { kind: 'tokens', tokens: [...tokens] }
}
