import { IntlMessageFormat } from 'intl-messageformat'
import { de } from './de/index.js'
import { en } from './en/index.js'
import { nl } from './nl/index.js'

/**
 * One catalogue for every user-facing string, in English, Dutch and German (the seed organizations
 * are Austrian, Dutch and German). Messages are ICU MessageFormat, read by `intl-messageformat`:
 * `{name}` is replaced by `params.name`, plurals and numbers follow the language's rules
 * (`{count, plural, one {# day} other {# days}}`).
 */
export type MessageKey = keyof typeof en
export type Catalogue = Record<MessageKey, string>
export type Params = Record<string, string | number>

/** A page's strings, and the language they are in (for dates and numbers). */
export interface Translator {
  (key: MessageKey, params?: Params): string
  readonly locale: Locale
}

const catalogues = { en, nl, de } as const satisfies Record<string, Partial<Catalogue>>

export type Locale = keyof typeof catalogues
export const supportedLocales = Object.keys(catalogues) as Locale[]
export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && Object.hasOwn(catalogues, value)

/** Whether a key built from data (a status, a rating, a clock's name) names a message. */
export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(en, key)

/** The message of `key` in `locale`, or in English while the locale lacks it. */
export function messageOf(locale: Locale, key: MessageKey): string {
  return (catalogues[locale] as Partial<Catalogue>)[key] ?? en[key]
}

const compiled = new Map<string, IntlMessageFormat>()

function format(locale: Locale, key: MessageKey): IntlMessageFormat {
  const id = `${locale}\u0000${key}`
  let message = compiled.get(id)
  if (!message) {
    // Tags stay text: a message never carries markup (views build markup around messages).
    message = new IntlMessageFormat(messageOf(locale, key), locale, undefined, { ignoreTag: true })
    compiled.set(id, message)
  }
  return message
}

/** Returns `t(key, params)` for a locale (English when the locale is not one of ours). */
export function translator(locale: string = 'en'): Translator {
  const chosen: Locale = isLocale(locale) ? locale : 'en'
  const t = (key: MessageKey, params?: Params): string => {
    const message = format(chosen, key)
    return String(message.format(params ?? {}))
  }
  return Object.assign(t, { locale: chosen })
}
