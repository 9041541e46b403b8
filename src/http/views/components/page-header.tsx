import type { ComponentChildren } from 'preact'

export interface PageHeaderProps {
  title: ComponentChildren
  subtitle?: ComponentChildren
  /** Buttons or links shown beside the title (below it on phones). */
  actions?: ComponentChildren
}

/** The page's `<h1>`, an optional one-line subtitle and the page's main actions. */
export function PageHeader({ title, subtitle, actions }: PageHeaderProps) {
  return (
    <div class="page-header">
      <div class="page-header__text">
        <h1 class="page-header__title">{title}</h1>
        {subtitle ? <p class="page-header__subtitle">{subtitle}</p> : null}
      </div>
      {actions ? <div class="page-header__actions">{actions}</div> : null}
    </div>
  )
}
