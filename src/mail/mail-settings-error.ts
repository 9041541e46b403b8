/** Why the admin mail page refused a change of the organization's mail settings or key. */
export type MailSettingsError = { field: 'address'; problem: 'invalid-email' | 'taken' } | { field: 'key'; problem: string }
