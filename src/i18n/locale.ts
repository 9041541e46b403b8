import Negotiator from 'negotiator'
import { isLocale, type Locale, supportedLocales } from './messages.js'

export interface LocaleChoice {
  /** The visitor's own choice (the language cookie), when they made one. */
  chosen?: string | undefined
  /** The browser's `Accept-Language` header. */
  acceptLanguage?: string | undefined
  /** The organization's languages from its policy (`organization.languages`, preferred first), on its pages. */
  offered?: readonly string[] | undefined
}

/** The base language of a tag we have a catalogue for (`de-AT` → `de`), or undefined. */
export function localeOf(tag: string): Locale | undefined {
  const base = tag.trim().toLowerCase().split(/[-_]/)[0]
  return isLocale(base) ? base : undefined
}

/** The languages a page can be shown in: the organization's that we have, in its order; all of ours without them. */
export function offeredLocales(offered: readonly string[] | undefined): Locale[] {
  const ours = [...new Set((offered ?? []).map(localeOf).filter((l): l is Locale => l !== undefined))]
  return ours.length > 0 ? ours : supportedLocales
}

/**
 * The language of a page: the visitor's own choice when it is one we have; otherwise the browser's
 * most preferred among the organization's languages; otherwise the organization's first; English
 * when nothing says more.
 */
export function chooseLocale({ chosen, acceptLanguage, offered }: LocaleChoice): Locale {
  const choice = chosen ? localeOf(chosen) : undefined
  if (choice) return choice
  const candidates = offeredLocales(offered)
  if (acceptLanguage) {
    // Negotiator matches `de-AT` to `de` and orders by q, then by the order of `candidates`.
    const best = new Negotiator({ headers: { 'accept-language': acceptLanguage } }).language(candidates)
    if (best && isLocale(best)) return best
  }
  return offered && offered.length > 0 ? (candidates[0] ?? 'en') : 'en'
}
