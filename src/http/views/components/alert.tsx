import type { ComponentChildren } from 'preact'
import { Icon } from './icons.js'

export type AlertTone = 'info' | 'success' | 'warning' | 'danger'

export interface AlertProps {
  tone: AlertTone
  title?: ComponentChildren
  children?: ComponentChildren
}

/**
 * A message about the page or the last action. Danger alerts (a form failed, access refused)
 * use `role="alert"` so screen readers announce them at once; the others are polite `role="status"`.
 * Each tone has its own icon shape as well as its colour.
 */
export function Alert({ tone, title, children }: AlertProps) {
  return (
    <div class={`alert alert--${tone}`} role={tone === 'danger' ? 'alert' : 'status'}>
      <Icon name={tone} class="alert__icon" />
      <div class="alert__content">
        {title ? <p class="alert__title">{title}</p> : null}
        {children ? <div class="alert__body">{children}</div> : null}
      </div>
    </div>
  )
}
