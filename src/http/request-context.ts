import type { VNode } from 'preact'
import type { AccessName } from '../domain/access/route-rules.js'
import type { OrganizationRow, Role } from '../storage/schema.js'

export interface SignedInUser {
  id: string
  name: string
  email: string
  sessionId: string
  /** The session passed a second factor (at sign-in, or by enrolling one). */
  mfaVerified: boolean
  /** The organization whose identity provider started this session (good for that organization only); null after a password sign-in. */
  ssoOrgId?: string | null
  /** With `ssoOrgId`: whether the provider asserted multi-factor authentication and the organization trusts that assertion. */
  ssoMfa?: boolean
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may use the route: a name from `auth/access.ts`. Required on every route. */
    access?: AccessName
  }
  interface FastifyRequest {
    user: SignedInUser | null
    /** Set on member routes: the organization named by `:org`, and the caller's role in it. */
    org: OrganizationRow | null
    role: Role | null
    /** Set on reporter routes: the report the follow-up capability opens. */
    reportAccess: { orgId: string; reportId: string } | null
    /** Set on API token routes: the token that authenticated the request and its holder. */
    apiToken: { id: string; userId: string } | null
    /** Set on member pages (src/notifications): the member's unread notifications in `:org`, for the navigation. */
    unreadNotifications: number | null
  }
  interface FastifyReply {
    /** Sends a server-rendered page. */
    page(vnode: VNode, status?: number): FastifyReply
  }
}

/**
 * The member acting on a member route (signed in by session or API token), as the need-to-know
 * rules read them. Only on routes whose access rule names member roles: there the access hook has
 * set the role, and refused the request otherwise.
 */
export function memberOf(request: { user: SignedInUser | null; apiToken: { userId: string } | null; role: Role | null }): {
  userId: string
  role: Role
} {
  const userId = request.apiToken?.userId ?? request.user?.id
  if (!userId || !request.role) throw new Error('memberOf: not a member route')
  return { userId, role: request.role }
}
