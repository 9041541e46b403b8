/** Strings of the advisories (src/disclosure): the team's pages and the timeline lines. */
export const disclosure = {
  'nav.advisories': 'Advisories',
  'event.advisory.published': 'Advisory published',
  'event.advisory.created': 'Advisory {id} drafted',
  'event.advisory.linked': 'Linked to advisory {id}',
  'event.advisory.edited': 'Advisory edited',
  'event.advisory.submitted': 'Advisory submitted for review',
  'event.advisory.approved': 'Advisory approved',
  'event.advisory.returned': 'Advisory sent back to draft',
  'event.advisory.scheduled': 'Advisory scheduled for {at}',
  'event.advisory.unscheduled': 'Advisory taken off the schedule',
  'event.advisory.updated': 'Published advisory updated (revision {revision})',
  'event.advisory.withdrawn': 'Advisory withdrawn',
  'event.advisory.schedule_failed': 'Scheduled publication could not run; the advisory is back to ready',
  'event.advisory.identifier_set': '{kind} identifier set',
} as const
