/**
 * A preset is another organization's published policy. Used as a template it must never publish
 * that organization's contacts, addresses, trackers, URLs or keys as the new organization's own:
 * this rewrites the preset's YAML (keeping its layout) so the organization's own name, slug,
 * security address and key replace them, and drops what only the original organization could
 * say. What still needs the admin's eye is listed by `policyAttention` on the policy page.
 * Pure: the caller passes the source and the organization's facts.
 */
import { type Document, isMap, isScalar, isSeq, parseDocument, visit } from 'yaml'

export interface TemplateOrganization {
  name: string
  slug: string
  /** The organization's own security address (its mail settings), when it has one. */
  securityAddress?: string | undefined
  /** The organization's own OpenPGP key, as published by this instance. */
  key?: { url: string; fingerprint: string } | undefined
}

const emailPattern = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g
const urlPattern = /https?:\/\/[^\s)>\]"']+/g

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The words that identify the preset's organization: its name, slug, web and mail domains. */
export function presetMarkers(source: string): string[] {
  const doc = parseDocument(source)
  const words = new Set<string>()
  const name = doc.getIn(['organization', 'name'])
  const slug = doc.getIn(['organization', 'slug'])
  if (typeof name === 'string' && name.trim()) words.add(name.trim())
  if (typeof slug === 'string' && slug.trim()) words.add(slug.trim())
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== 'string') return
      for (const mail of node.value.match(emailPattern) ?? []) words.add(mail.split('@')[1] ?? mail)
      for (const url of node.value.match(urlPattern) ?? []) words.add(url)
    },
  })
  return [...words]
}

/** The preset's source with the organization's own identity in place of the original one. */
export function presetAsTemplate(source: string, org: TemplateOrganization): string {
  const doc = parseDocument(source)
  const originalName = String(doc.getIn(['organization', 'name']) ?? '')
  const originalSlug = String(doc.getIn(['organization', 'slug']) ?? '')
  const markers = presetMarkers(source)

  // First, before anything of the organization's own is written: free text keeps the policy's words with the organization's name, never the original's.
  const named = [originalName, originalSlug].filter((w) => w.length > 2).map((w) => new RegExp(`\\b${escapeRegExp(w)}\\b`, 'gi'))
  visit(doc, {
    Scalar(key, node) {
      if (key === 'key' || typeof node.value !== 'string') return
      // An id that is the original slug (a program's slug, a tracker's programs) becomes the new slug.
      if (node.value === originalSlug) {
        node.value = org.slug
        return
      }
      let text = node.value
      text = text.replace(emailPattern, (mail) => (mail === org.securityAddress ? mail : (org.securityAddress ?? 'our security team')))
      text = text.replace(urlPattern, 'our website')
      for (const pattern of named) text = text.replace(pattern, org.name)
      if (text !== node.value) node.value = text
    },
  })
  doc.setIn(['organization', 'name'], org.name)
  doc.setIn(['organization', 'slug'], org.slug)
  drop(doc, ['organization', 'website'])

  rewriteContacts(doc, org)
  rewriteChannels(doc, org)
  // URLs that only the original organization can answer for.
  for (const key of ['canonical', 'policy', 'hiring', 'acknowledgments', 'encryption']) drop(doc, ['securityTxt', key])
  dropEmpty(doc, ['securityTxt'])
  drop(doc, ['recognition', 'hallOfFame', 'url'])
  const announcements = doc.getIn(['disclosure', 'announcements'])
  if (isSeq(announcements)) for (const item of announcements.items) if (isMap(item)) item.delete('url')
  if (doc.hasIn(['comments'])) doc.setIn(['comments'], org.securityAddress ?? 'our security team')

  // Comments quote the original policy (its addresses, its people): they do not belong to the new one.
  const lower = markers.map((m) => m.toLowerCase())
  const foreign = (comment: string | null | undefined) => !!comment && lower.some((m) => comment.toLowerCase().includes(m))
  visit(doc, {
    Node(_key, node) {
      if (foreign(node.commentBefore)) node.commentBefore = null
      if (foreign(node.comment)) node.comment = null
    },
    Pair(_key, pair) {
      if (isScalar(pair.key) && foreign(pair.key.commentBefore)) pair.key.commentBefore = null
    },
  })
  if (foreign(doc.commentBefore)) doc.commentBefore = null
  if (foreign(doc.comment)) doc.comment = null
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false })
}

function rewriteContacts(doc: Document, org: TemplateOrganization): void {
  const teamContact = doc.getIn(['team', 'contact'])
  const contacts = doc.getIn(['contacts'])
  if (isSeq(contacts)) {
    for (const contact of contacts.items) {
      if (!isMap(contact)) continue
      const id = String(contact.get('id') ?? 'contact')
      const role = contact.get('role')
      contact.set('name', `${org.name} ${typeof role === 'string' ? role : id.replace(/-/g, ' ')}`)
      contact.delete('openpgp')
      contact.delete('purpose')
      if (id === teamContact && org.securityAddress) {
        contact.set('email', org.securityAddress)
        if (org.key) contact.set('openpgp', doc.createNode({ url: org.key.url, fingerprint: org.key.fingerprint }))
      } else {
        contact.delete('email')
      }
    }
  }
  if (doc.hasIn(['team', 'name'])) doc.setIn(['team', 'name'], `${org.name} security team`)
}

function rewriteChannels(doc: Document, org: TemplateOrganization): void {
  const emails = doc.getIn(['channels', 'email'])
  const first = isSeq(emails) && isMap(emails.items[0]) ? emails.items[0] : undefined
  if (org.securityAddress) {
    const channel: Record<string, unknown> = { address: org.securityAddress }
    const encryption = first?.get('encryption')
    if (org.key) {
      channel.encryption = typeof encryption === 'string' ? encryption : 'optional'
      channel.openpgp = { url: org.key.url, fingerprint: org.key.fingerprint }
    }
    if (first?.get('private') !== undefined) channel.private = first.get('private')
    doc.setIn(['channels', 'email'], doc.createNode([channel]))
  } else {
    drop(doc, ['channels', 'email'])
  }
  drop(doc, ['channels', 'trackers'])
  drop(doc, ['channels', 'publicTracker'])
  // A template always leaves the reporter a way in: this instance's own form.
  if (!org.securityAddress && doc.getIn(['channels', 'webForm', 'enabled']) !== true) {
    doc.setIn(['channels', 'webForm'], doc.createNode({ enabled: true }))
  }
}

/** Removes the key at `path` when it is there; a missing section is fine. */
function drop(doc: Document, path: string[]): void {
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1))
  if (isMap(parent)) parent.delete(path[path.length - 1])
}

function dropEmpty(doc: Document, path: string[]): void {
  const node = doc.getIn(path)
  if (isMap(node) && node.items.length === 0) doc.deleteIn(path)
}
