/**
 * What a member of an organization may be. Admins run the organization (policy, members, mail);
 * responders work reports; viewers read them. Need-to-know (need-to-know.ts) narrows what each
 * may read of a given report.
 */
export const roles = ['admin', 'responder', 'viewer'] as const
export type Role = (typeof roles)[number]
