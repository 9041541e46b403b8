import type { Flash as FlashMessage } from '../../flash.js'
import { Alert } from './alert.js'

/**
 * The one flash message: what the last action did ("Claimed", "Reply sent to the reporter") or why
 * it was refused, shown once at the top of the page the user was sent back to. The layout renders
 * it from the page context; pages never render their own confirmations.
 */
export function Flash({ flash }: { flash?: FlashMessage | null | undefined }) {
  if (!flash) return null
  return (
    <div class="flash" data-flash={flash.tone}>
      <Alert tone={flash.tone}>{flash.text}</Alert>
    </div>
  )
}
