import type { Translator } from '../../../i18n/messages.js'
import type { Role } from '../../../storage/schema.js'
import type { NavItem } from './layout.js'

/** The workspace's navigation; admin pages appear only for administrators. */
export function workspaceNav(
  t: Translator,
  slug: string,
  role: Role,
  current:
    | 'reports'
    | 'advisories'
    | 'members'
    | 'programs'
    | 'mail'
    | 'policy'
    | 'audit'
    | 'tokens'
    | 'sso'
    | 'cve-services'
    | 'announcements'
    | 'partners'
    | 'cra'
    | 'reply-templates'
    | 'inbox'
    | null,
  /** The member's unread notifications; the inbox link says how many. */
  unread?: number | null,
): NavItem[] {
  const items: NavItem[] = [{ href: `/w/${slug}/reports`, label: t('nav.reports'), current: current === 'reports' }]
  items.push({ href: `/w/${slug}/advisories`, label: t('nav.advisories'), current: current === 'advisories' })
  items.push({ href: `/w/${slug}/cra`, label: t('nav.cra'), current: current === 'cra' })
  if (role === 'admin') {
    items.push({ href: `/w/${slug}/admin/members`, label: t('nav.members'), current: current === 'members' })
    items.push({ href: `/w/${slug}/admin/programs`, label: t('nav.programs'), current: current === 'programs' })
    items.push({ href: `/w/${slug}/admin/mail`, label: t('mailAdmin.title'), current: current === 'mail' })
    items.push({ href: `/w/${slug}/admin/policy`, label: t('nav.policy'), current: current === 'policy' })
    items.push({ href: `/w/${slug}/admin/audit`, label: t('nav.audit'), current: current === 'audit' })
    items.push({ href: `/w/${slug}/admin/sso`, label: t('nav.sso'), current: current === 'sso' })
    items.push({ href: `/w/${slug}/admin/cve-services`, label: t('nav.cveServices'), current: current === 'cve-services' })
    items.push({ href: `/w/${slug}/admin/announcements`, label: t('nav.announcements'), current: current === 'announcements' })
    items.push({ href: `/w/${slug}/admin/partners`, label: t('nav.partners'), current: current === 'partners' })
    items.push({ href: `/w/${slug}/reply-templates`, label: t('nav.replyTemplates'), current: current === 'reply-templates' })
  }
  items.push({ href: `/w/${slug}/tokens`, label: t('nav.tokens'), current: current === 'tokens' })
  items.push({
    href: `/w/${slug}/inbox`,
    label: unread ? t('nav.inboxUnread', { count: unread }) : t('nav.inbox'),
    current: current === 'inbox',
  })
  items.push({ href: `/o/${slug}`, label: t('nav.publicPage') })
  return items
}
