import type { notifications as english } from '../en/notifications.js'
import type { Translation } from '../translation.js'

/** Dutch strings of the in-app inbox (keys and arguments as in ../en/notifications.ts). */
export const notifications: Translation<typeof english> = {
  'event.clock.breached': 'Deadline verstreken: {clock}',
  'nav.inbox': 'Inbox',
  'nav.inboxUnread': 'Inbox ({count} ongelezen)',
  'inbox.title': 'Inbox',
  'inbox.intro':
    'Wat in deze organisatie jouw aandacht vraagt: nieuwe meldingen, reacties van melders, deadlines en meldingen die aan jou zijn toegewezen.',
  'inbox.empty': 'Hier staat nog niets. Nieuwe meldingen, reacties, deadlines en toewijzingen verschijnen hier.',
  'inbox.unreadCount': '{count} ongelezen',
  'inbox.markRead': 'Markeren als gelezen',
  'inbox.markAllRead': 'Alles markeren als gelezen',
  'inbox.unread': 'Ongelezen',
  'inbox.read': 'Gelezen',
  'inbox.kind.report-received': 'Nieuwe melding {ref}',
  'inbox.kind.reporter-replied': 'De melder heeft gereageerd op {ref}',
  'inbox.kind.clock-warning': '{ref}: {clock} verloopt binnenkort',
  'inbox.kind.clock-breached': '{ref}: {clock} is verlopen',
  'inbox.kind.assigned': '{ref} is aan jou toegewezen',
  'inbox.flash.read': 'Gemarkeerd als gelezen.',
  'inbox.flash.allRead': 'Alle notificaties gemarkeerd als gelezen.',
  'inbox.flash.notFound': 'Die notificatie is niet van jou of bestaat niet meer.',
  'inbox.digest.title': 'Samenvatting per e-mail',
  'inbox.digest.legend': 'Stuur me per e-mail een samenvatting van ongelezen notificaties',
  'inbox.digest.off': 'Uit',
  'inbox.digest.daily': 'Dagelijks',
  'inbox.digest.save': 'Opslaan',
  'inbox.digest.saved.off': 'De samenvatting per e-mail staat uit.',
  'inbox.digest.saved.daily': 'Je krijgt dagelijks per e-mail een samenvatting van je ongelezen notificaties.',
  'mail.subject.team.notification-digest': 'Je ongelezen notificaties',
  'mail.body.team.notification-digest': '{text}',
  'mail.body.team.notification-digest.intro': 'Ongelezen notificaties voor jou in {org}:',
  'mail.body.team.notification-digest.outro':
    'Open je inbox: {link}\n\nJe krijgt deze e-mail omdat je om een dagelijkse samenvatting hebt gevraagd. Zet die uit op de inboxpagina.',
}
