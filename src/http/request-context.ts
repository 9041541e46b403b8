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
  }
  interface FastifyReply {
    /** Sends a server-rendered page. */
    page(vnode: VNode, status?: number): FastifyReply
  }
}
