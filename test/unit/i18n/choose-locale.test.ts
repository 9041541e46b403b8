import { describe, expect, it } from 'vitest'
import { chooseLocale, localeOf, offeredLocales } from '../../../src/i18n/locale.js'

describe('the language of a page', () => {
  it('follows the browser among the languages the organization offers', () => {
    expect(chooseLocale({ acceptLanguage: 'de-AT,de;q=0.9,en;q=0.8', offered: ['en', 'de'] })).toBe('de')
    expect(chooseLocale({ acceptLanguage: 'nl-BE, en;q=0.5', offered: ['en', 'nl'] })).toBe('nl')
    // A Dutch browser on a German and English organization: the browser's second choice.
    expect(chooseLocale({ acceptLanguage: 'nl, en;q=0.5', offered: ['de', 'en'] })).toBe('en')
  })

  it("takes the organization's first language when the browser asks for none of its languages, or says nothing", () => {
    expect(chooseLocale({ acceptLanguage: 'fr-FR, fr;q=0.9', offered: ['de', 'en'] })).toBe('de')
    expect(chooseLocale({ offered: ['nl', 'en'] })).toBe('nl')
    // A policy language we have no catalogue for is passed over.
    expect(chooseLocale({ offered: ['fr', 'de'] })).toBe('de')
  })

  it('is English where nothing says more, and any of ours where no organization restricts', () => {
    expect(chooseLocale({})).toBe('en')
    expect(chooseLocale({ acceptLanguage: 'fr' })).toBe('en')
    expect(chooseLocale({ acceptLanguage: 'de-CH' })).toBe('de')
    expect(chooseLocale({ acceptLanguage: '*' })).toBe('en')
    expect(chooseLocale({ offered: ['fr'] })).toBe('en')
  })

  it("keeps the visitor's own choice over the browser and the organization", () => {
    expect(chooseLocale({ chosen: 'nl', acceptLanguage: 'de', offered: ['de', 'en'] })).toBe('nl')
    // A cookie that names nothing we have is ignored.
    expect(chooseLocale({ chosen: 'xx', acceptLanguage: 'de', offered: ['en', 'de'] })).toBe('de')
  })

  it('reads tags by their base language and keeps the policy order', () => {
    expect(localeOf('de-AT')).toBe('de')
    expect(localeOf('NL_be')).toBe('nl')
    expect(localeOf('fr')).toBeUndefined()
    expect(offeredLocales(['de-AT', 'en', 'de'])).toEqual(['de', 'en'])
    expect(offeredLocales(undefined)).toEqual(['en', 'nl', 'de'])
    expect(offeredLocales(['fr'])).toEqual(['en', 'nl', 'de'])
  })
})
