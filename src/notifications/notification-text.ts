/** What one notification says: its kind and the report's reference (and the clock's name) — never report text. */
import type { MessageKey, Translator } from '../i18n/messages.js'

const clockKey = (clock: string | null): MessageKey => `mail.clock.${clock ?? 'unknown'}` as MessageKey

export function notificationText(t: Translator, n: { kind: string; ref: string; clock: string | null }): string {
  const key = `inbox.kind.${n.kind}` as MessageKey
  return t(key, { ref: n.ref, clock: t(clockKey(n.clock)) })
}
