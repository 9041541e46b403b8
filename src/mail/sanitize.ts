/** Text hygiene for values that cross the mail boundary: the rules are pure and shared with the report form's files (src/domain/text-hygiene.ts). */
export * from '../domain/text-hygiene.js'
