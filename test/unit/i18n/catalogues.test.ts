import { IntlMessageFormat } from 'intl-messageformat'
import { describe, expect, it } from 'vitest'
import { de } from '../../../src/i18n/de/index.js'
import { en } from '../../../src/i18n/en/index.js'
import { type MessageKey, translator } from '../../../src/i18n/messages.js'
import { nl } from '../../../src/i18n/nl/index.js'

/** The names of a message's arguments (`{org}`, `{count, plural, …}`), nested ones too. */
function argumentsOf(message: string, locale: string): string[] {
  const names = new Set<string>()
  const walk = (elements: unknown[]): void => {
    for (const element of elements as { type: number; value?: unknown; options?: Record<string, { value: unknown[] }> }[]) {
      if (element.type >= 1 && element.type <= 6 && typeof element.value === 'string') names.add(element.value)
      for (const option of Object.values(element.options ?? {})) walk(option.value)
    }
  }
  walk(new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).getAst())
  return [...names].sort()
}

const translations = { nl, de } as const

describe('the message catalogues', () => {
  it('every English message is valid ICU MessageFormat', () => {
    const broken = Object.entries(en).filter(([, message]) => {
      try {
        argumentsOf(message, 'en')
        return false
      } catch {
        return true
      }
    })
    expect(broken).toEqual([])
  })

  for (const [locale, catalogue] of Object.entries(translations)) {
    it(`${locale}: every English message is translated`, () => {
      const missing = Object.keys(en).filter((key) => !(key in catalogue))
      expect(missing).toEqual([])
    })

    it(`${locale}: every message is valid and has the English message's arguments, no more, no fewer`, () => {
      const differing: string[] = []
      for (const [key, message] of Object.entries(catalogue) as [MessageKey, string][]) {
        let theirs: string[]
        try {
          theirs = argumentsOf(message, locale)
        } catch (error) {
          differing.push(`${key}: ${(error as Error).message}`)
          continue
        }
        const ours = argumentsOf(en[key], 'en')
        if (theirs.join() !== ours.join()) differing.push(`${key}: {${theirs.join('}, {')}} instead of {${ours.join('}, {')}}`)
      }
      expect(differing).toEqual([])
    })
  }

  it('fills arguments and chooses plural forms by the language', () => {
    const english = translator('en')
    expect(english('layout.signedInAs', { name: 'Ada' })).toContain('Ada')
    expect(english.locale).toBe('en')
    expect(translator('fr').locale).toBe('en')
  })
})
