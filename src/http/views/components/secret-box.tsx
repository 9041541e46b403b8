import type { ComponentChildren } from 'preact'
import { Icon } from './icons.js'

export interface SecretBoxProps {
  /** What the secret is and that it is shown once, e.g. "Your private follow-up link (shown only once)". */
  label: string
  value: string
  /** Optional advice under the value (where to keep it, what happens if it is lost). */
  children?: ComponentChildren
}

/**
 * A one-time secret (capability link, recovery codes): monospace, wrapped anywhere, selected
 * whole with one click (CSS `user-select: all`; no script), framed in the warning style.
 */
export function SecretBox({ label, value, children }: SecretBoxProps) {
  return (
    <div class="secret-box">
      <p class="secret-box__label">
        <Icon name="key" />
        <span>{label}</span>
      </p>
      <p class="secret-box__value">
        <code>{value}</code>
      </p>
      {children ? <div class="secret-box__note">{children}</div> : null}
    </div>
  )
}
