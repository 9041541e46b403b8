/**
 * What in an organization's policy still needs its administrator's attention, typically after
 * starting from a preset: values that are not the organization's own yet. Shown on the policy
 * page; nothing here refuses a policy. Pure.
 */
import type { Policy } from './schema.js'

export type AttentionItem =
  | { key: 'name'; inPolicy: string }
  | { key: 'slug'; inPolicy: string }
  | { key: 'canonical' }
  | { key: 'contacts'; names: string[] }
  | { key: 'securityAddress'; address: string }
  | { key: 'noKey' }

export interface AttentionOrganization {
  name: string
  slug: string
  securityAddress?: string | undefined
  hasKey: boolean
}

export function policyAttention(policy: Policy, org: AttentionOrganization): AttentionItem[] {
  const items: AttentionItem[] = []
  if (policy.organization.name !== org.name) items.push({ key: 'name', inPolicy: policy.organization.name })
  if (policy.organization.slug !== org.slug) items.push({ key: 'slug', inPolicy: policy.organization.slug })
  if (!policy.securityTxt?.canonical?.length) items.push({ key: 'canonical' })
  const unreachable = (policy.contacts ?? []).filter((c) => !c.email).map((c) => c.name)
  if (unreachable.length > 0) items.push({ key: 'contacts', names: unreachable })
  const addresses = (policy.channels.email ?? []).map((e) => e.address.toLowerCase())
  if (org.securityAddress && !addresses.includes(org.securityAddress.toLowerCase()))
    items.push({ key: 'securityAddress', address: org.securityAddress })
  const wantsEncryption = (policy.channels.email ?? []).some((e) => e.encryption === 'required' || e.encryption === 'preferred')
  if (wantsEncryption && !org.hasKey && !(policy.channels.email ?? []).some((e) => e.openpgp)) items.push({ key: 'noKey' })
  return items
}
