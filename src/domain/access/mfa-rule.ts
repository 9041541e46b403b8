import type { Policy } from '../policy/schema.js'

/**
 * Whether the organization's policy requires a second factor of its members (`accounts.mfa:
 * required`; the one source of truth, see docs/policy.md). Without a policy nothing is required.
 */
export const mfaRequiredBy = (policy: Pick<Policy, 'accounts'> | undefined): boolean => policy?.accounts?.mfa === 'required'

/**
 * A member may act in an organization when it does not require a second factor, or when their
 * session passed one (ASVS v5.0.0-6.3.3). Enrolling is outside the organization (`/account/security`).
 */
export const mayActInOrganization = (policy: Pick<Policy, 'accounts'> | undefined, session: { mfaVerified: boolean }): boolean =>
  !mfaRequiredBy(policy) || session.mfaVerified
