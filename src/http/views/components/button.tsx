import type { ComponentChildren } from 'preact'

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost'

export interface ButtonProps {
  children?: ComponentChildren
  variant?: ButtonVariant
  type?: 'submit' | 'button'
  name?: string
  value?: string
}

/** A form button; `secondary` unless told. Use one `primary` per form. */
export function Button({ children, variant = 'secondary', type = 'submit', name, value }: ButtonProps) {
  return (
    <button class={`btn btn--${variant}`} type={type} name={name} value={value}>
      {children}
    </button>
  )
}

export interface ButtonLinkProps {
  href: string
  children?: ComponentChildren
  variant?: ButtonVariant
}

/** A link that looks like a button (navigation, not an action: actions that change data are forms). */
export function ButtonLink({ href, children, variant = 'secondary' }: ButtonLinkProps) {
  return (
    <a class={`btn btn--${variant}`} href={href}>
      {children}
    </a>
  )
}
