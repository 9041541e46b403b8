import type { ComponentChildren } from 'preact'
import type { Role } from '../../../storage/schema.js'
import type { PageContext } from '../page-context.js'
import { Layout } from './layout.js'
import { workspaceNav } from './workspace-nav.js'

export interface WorkspaceLayoutProps {
  ctx: PageContext
  org: { slug: string; name: string }
  role: Role
  /** The navigation item of this page; null when it is none of them. */
  current: Parameters<typeof workspaceNav>[3]
  title: string
  children?: ComponentChildren
}

/** A page of an organization's workspace: the page layout with the workspace's navigation for the member's role. */
export function WorkspaceLayout({ ctx, org, role, current, title, children }: WorkspaceLayoutProps) {
  return (
    <Layout
      title={title}
      t={ctx.t}
      user={ctx.user}
      csrfToken={ctx.csrfToken}
      org={org}
      nav={workspaceNav(ctx.t, org.slug, role, current, ctx.unread)}
      flash={ctx.flash}
      languages={ctx.languages}
    >
      {children}
    </Layout>
  )
}
