/**
 * Which words and addresses of a report the queue's search can find: words up to 64 characters
 * (longer runs are keys and hashes), at most 2000 distinct words per text, the reporter's address
 * only when it is one whole address, and a report without a known address still searchable by
 * its words.
 */
import { describe, expect, it } from 'vitest'
import { maxWordLength, maxWordsPerText, reportTokens, wordTokens } from '../../../src/domain/search/tokens.js'

describe('searchable words and addresses', () => {
  it('finds a word of 64 characters, not one of 65', () => {
    const longest = 'a'.repeat(maxWordLength)
    expect(wordTokens(`${longest} ${'b'.repeat(maxWordLength + 1)}`)).toEqual([`w:${longest}`])
  })

  it('finds the first 2000 distinct words of a text, no more', () => {
    const words = Array.from({ length: maxWordsPerText + 5 }, (_, i) => `word${i}`)
    const tokens = wordTokens(words.join(' '))
    expect(tokens).toHaveLength(maxWordsPerText)
    expect(tokens.at(-1)).toBe(`w:word${maxWordsPerText - 1}`)
  })

  it('finds the reporter by a whole address only', () => {
    expect(reportTokens(['hello'], 'Night.Owl@Example.org')).toEqual(['w:hello', 'a:night.owl@example.org'])
    expect(reportTokens(['hello'], 'not me@example.org')).toEqual(['w:hello'])
    expect(reportTokens(['hello'], 'me@example.org is me')).toEqual(['w:hello'])
    expect(reportTokens(['hello'], 'nobody')).toEqual(['w:hello'])
  })

  it('finds a report whose reporter left no address by its words', () => {
    expect(reportTokens(['hello world'], null)).toEqual(['w:hello', 'w:world'])
  })
})
