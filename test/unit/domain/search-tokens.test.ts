import { describe, expect, it } from 'vitest'
import { addressToken, parseSearch, reportTokens, wordTokens } from '../../../src/domain/search/tokens.js'

describe('search tokens', () => {
  it('lower-cases words of three letters or more, NFKC-normalised, once each', () => {
    expect(wordTokens('SQL injection in the Login form; login again')).toEqual([
      'w:sql',
      'w:injection',
      'w:the',
      'w:login',
      'w:form',
      'w:again',
    ])
    // The ligature ﬁ (U+FB01) and full-width letters normalise to plain ones.
    expect(wordTokens('ﬁle ＡＢＣ')).toEqual(['w:file', 'w:abc'])
    expect(wordTokens('Überprüfung fehlgeschlagen')).toEqual(['w:überprüfung', 'w:fehlgeschlagen'])
  })

  it('indexes the whole address apart from the words, and refuses what is not an address', () => {
    expect(addressToken(' Finder@Example.NET ')).toBe('a:finder@example.net')
    expect(addressToken('not an address')).toBeUndefined()
    expect(reportTokens(['Heap overflow'], 'Finder@Example.NET')).toEqual(['w:heap', 'w:overflow', 'a:finder@example.net'])
  })

  it('reads a reference alone as an exact lookup, otherwise every word and address must match', () => {
    expect(parseSearch('acme-2026-0042')).toEqual({ kind: 'reference', ref: 'ACME-2026-0042' })
    expect(parseSearch('  ')).toEqual({ kind: 'none' })
    expect(parseSearch('overflow finder@example.net')).toEqual({ kind: 'tokens', tokens: ['w:overflow', 'a:finder@example.net'] })
    expect(parseSearch('xs ab')).toEqual({ kind: 'tokens', tokens: [] })
  })
})
