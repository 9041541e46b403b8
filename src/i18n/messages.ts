import { en } from './en/index.js'

/**
 * One catalogue for every user-facing string, so that translations (the seed organizations
 * write Dutch and German) slot in by adding a catalogue with the same keys.
 */
export type MessageKey = keyof typeof en
export type Catalogue = Record<MessageKey, string>
export type Translator = (key: MessageKey, params?: Record<string, string | number>) => string

const catalogues: Record<string, Catalogue> = { en }

export const supportedLocales = Object.keys(catalogues)

/** Returns `t(key, params)` for a locale, falling back to English. `{name}` in a message is replaced by `params.name`. */
export function translator(locale = 'en'): Translator {
  const catalogue = catalogues[locale] ?? en
  return (key, params) => {
    const message = catalogue[key] ?? en[key]
    if (!params) return message
    return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
  }
}
