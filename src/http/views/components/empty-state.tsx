import type { ComponentChildren } from 'preact'

export interface EmptyStateProps {
  title: ComponentChildren
  /** What it means and what to do next (often a ButtonLink). */
  children?: ComponentChildren
}

/** Shown in place of an empty list, so the page explains itself instead of showing nothing. */
export function EmptyState({ title, children }: EmptyStateProps) {
  return (
    <div class="empty-state">
      <p class="empty-state__title">{title}</p>
      {children ? <div class="empty-state__body">{children}</div> : null}
    </div>
  )
}
