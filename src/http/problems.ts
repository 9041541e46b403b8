import type { StepError } from '../domain/policy/process-steps.js'
import type { ReportErrorCode } from '../domain/report/errors.js'

type StepErrorCode = StepError['code']
/** Refusals of the accounts feature (members, invitations, sessions). */
export type AccountErrorCode =
  | 'MEMBER_UNKNOWN'
  | 'LAST_ADMIN'
  | 'NOT_YOURSELF'
  | 'ACCOUNT_SHARED'
  | 'INVITATION_NOT_PENDING'
  | 'SESSION_UNKNOWN'
/** Refusals of single sign-on (src/sso). */
export type SsoErrorCode = 'SSO_NOT_CONFIGURED' | 'SSO_FAILED' | 'SSO_NO_ACCOUNT' | 'SSO_ACCOUNT_DISABLED'

/** Refusals of the public version of a report (src/report-publication). */
export type ReportPublicationErrorCode =
  | 'PUBLIC_VERSION_NOT_DECIDED'
  | 'PUBLIC_VERSION_INCOMPLETE'
  | 'PUBLIC_VERSION_TOO_LONG'
  | 'PUBLIC_VERSION_NOT_ALLOWED'
  | 'PUBLIC_VERSION_SELF_REVIEW'
  | 'PUBLIC_VERSION_PREVIEW_UNCONFIRMED'
  | 'PUBLIC_VERSION_OBJECTION_CLOSED'
  | 'PUBLIC_VERSION_REASON_REQUIRED'
  | 'PUBLIC_VERSION_ADVISORY_UNKNOWN'
/** Refusals of the EU Cyber Resilience Act cases (src/regulation). */
export type CraErrorCode =
  | 'CRA_NOT_MANUFACTURER'
  | 'CRA_ALREADY_MARKED'
  | 'CRA_NOT_MARKED'
  | 'CRA_TIME_INVALID'
  | 'CRA_MEASURE_NOT_APPLICABLE'
  | 'CRA_STAGE_NOT_STARTED'
  | 'CRA_ALREADY_FILED'
  | 'CRA_FIELD_INVALID'
  | 'CRA_REFERENCE_INVALID'

/**
 * The one place where error codes become HTTP answers: `application/problem+json` (RFC 9457) for
 * the API, a page with the same title for browsers. Stable codes, so clients can branch on them.
 */
export interface Problem {
  status: number
  title: string
}

export type AppErrorCode =
  | ReportErrorCode
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CSRF_INVALID'
  | 'VALIDATION_FAILED'
  | 'BAD_REQUEST'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'RATE_LIMITED'
  | 'CONCURRENT_CHANGE'
  | 'ASSIGNEE_NOT_A_RESPONDER'
  | 'DUPLICATE_TARGET_UNKNOWN'
  | 'HANDOVER_NEEDS_HOLDER'
  | 'NEED_TO_KNOW'
  | 'STEPS_BEFORE_PUBLISHING'
  | 'DETAILED_REPLY_INCOMPLETE'
  | 'CVSS_INVALID_VECTOR'
  | 'SEVERITY_NOT_SCORED'
  | 'SEVERITY_FROM_SCORE'
  | 'CWE_MALFORMED'
  | 'CWE_UNKNOWN'
  | 'CWE_DEPRECATED'
  | 'STEPS_REQUIRED_BEFORE'
  | 'CHANNEL_REFUSED'
  | StepErrorCode
  | 'CREDIT_NAME_REQUIRED'
  | 'CREDIT_NAME_INVALID'
  | 'CREDITS_NOT_OFFERED'
  | 'CREDIT_NOT_PROPOSED'
  | 'REWARD_UNKNOWN'
  | 'REWARD_NOT_EARNED'
  | 'REWARD_ALREADY_RECORDED'
  | 'REWARD_AMOUNT_INVALID'
  | AccountErrorCode
  | 'ADVISORY_ACTION_NOT_ALLOWED'
  | 'ADVISORY_REVIEW_REQUIRED'
  | 'ADVISORY_SELF_APPROVAL'
  | 'ADVISORY_REASON_REQUIRED'
  | 'ADVISORY_SCHEDULE_NOT_FUTURE'
  | 'ADVISORY_CONTENT_INVALID'
  | 'ADVISORY_REPORTS_NOT_FIXED'
  | 'ADVISORY_REPORT_UNKNOWN'
  | 'ADVISORY_REPORT_LINKED'
  | 'ADVISORY_GCVE_NOT_CONFIGURED'
  | 'ADVISORY_GCVE_ALREADY'
  | 'ADVISORY_CVE_SERVICES_NOT_CONFIGURED'
  | 'ADVISORY_CVE_ALREADY'
  | 'CVE_SERVICES_UNAUTHORIZED'
  | 'CVE_SERVICES_FAILED'
  | 'MFA_REQUIRED'
  | 'TOKEN_NAME_INVALID'
  | 'TOKEN_SCOPE_NOT_ALLOWED'
  | SsoErrorCode
  | ReportPublicationErrorCode
  | CraErrorCode
  | 'INTERNAL'
  // Partners and early notice (src/partners)
  | 'PARTNER_INVALID'
  | 'RELEASE_INVALID'
  | 'RELEASE_NOT_FUTURE'
  | 'ADVISORY_ALREADY_PUBLIC'
  | 'NOTICE_NO_PARTNER'
  | 'EARLY_NOTICE_NOT_IN_POLICY'
  | 'RELEASE_NOT_PLANNED'
  | 'RELEASE_PASSED'
  | 'NOTICE_REFUSED'
  | 'MERGE_TOO_EARLY'
  | 'MERGE_ALREADY_RECORDED'
  | 'MERGE_INVALID'
  | 'ANNOUNCE_NO_CHANNEL'
  | 'NOTICE_NOT_PUBLISHED'
  | 'CRA_NOTICE_NO_ADVISORY'
  // Reply templates (src/reply-templates)
  | 'REPLY_TEMPLATE_INVALID'

export const problems = {
  REPORT_TRANSITION_NOT_ALLOWED: { status: 409, title: 'The report cannot move to that status from where it stands' },
  REPORT_ALREADY_CLAIMED: { status: 409, title: 'Another responder already claimed this report' },
  REPORT_NOT_CLAIMED_BY_YOU: { status: 409, title: 'You do not hold this report' },
  REPORT_CLOSED: { status: 409, title: 'This report is closed' },
  REPORT_REASON_REQUIRED: { status: 422, title: 'A reason is required' },
  REPORT_DUPLICATE_OF_ITSELF: { status: 422, title: 'A report cannot be a duplicate of itself' },
  REPORT_DUPLICATE_REFERENCE_REQUIRED: { status: 422, title: 'Give the reference of the report this one duplicates' },
  REPORT_MESSAGE_EMPTY: { status: 422, title: 'The message is empty' },
  REPORT_NOT_FOR_REPORTER: { status: 403, title: 'Only the security team can do that' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  UNAUTHENTICATED: { status: 401, title: 'Sign in first' },
  FORBIDDEN: { status: 403, title: 'Your role does not allow this' },
  CSRF_INVALID: { status: 403, title: 'The form expired or came from another site; reload the page and try again' },
  VALIDATION_FAILED: { status: 422, title: 'Some fields need attention' },
  BAD_REQUEST: { status: 400, title: 'The request is malformed' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'The request is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported content type' },
  RATE_LIMITED: { status: 429, title: 'Too many requests; wait a moment and try again' },
  CONCURRENT_CHANGE: { status: 409, title: 'Someone else changed this report at the same moment; reload and try again' },
  ASSIGNEE_NOT_A_RESPONDER: { status: 422, title: 'Reports can only be handed to responders of this organization' },
  DUPLICATE_TARGET_UNKNOWN: { status: 422, title: 'No report with that reference in this organization' },
  NEED_TO_KNOW: {
    status: 403,
    title: 'This policy shares reports with the assigned team only: only the holder or an administrator can act on this report',
  },
  HANDOVER_NEEDS_HOLDER: {
    status: 403,
    title: 'This policy shares reports with the assigned team only: only the holder or an administrator can hand this report over',
  },
  STEPS_BEFORE_PUBLISHING: { status: 409, title: 'The steps of the process that come first must be done before publishing' },
  DETAILED_REPLY_INCOMPLETE: { status: 422, title: 'A detailed response must contain everything the policy promises' },
  STEPS_REQUIRED_BEFORE: { status: 409, title: 'The policy requires steps of its process before this status' },
  CHANNEL_REFUSED: { status: 403, title: 'This organization does not take reports through this channel' },
  STEP_UNKNOWN: { status: 409, title: 'The policy has no such step' },
  STEP_ALREADY: { status: 409, title: 'That step is already recorded' },
  STEP_NOT_OPTIONAL: { status: 409, title: 'Only optional steps can be skipped' },
  STEP_OUT_OF_ORDER: { status: 409, title: 'The steps that come first are not done yet' },
  CREDIT_NAME_REQUIRED: { status: 422, title: 'A credit needs a name' },
  CREDIT_NAME_INVALID: { status: 422, title: 'The name must be one line of at most 200 characters, without control characters' },
  CREDITS_NOT_OFFERED: { status: 409, title: 'The policy credits nobody publicly' },
  CREDIT_NOT_PROPOSED: { status: 409, title: 'No credit line has been proposed for this report' },
  REWARD_UNKNOWN: { status: 422, title: 'The policy has no such reward' },
  REWARD_NOT_EARNED: { status: 409, title: 'The report does not meet the conditions of that reward' },
  REWARD_ALREADY_RECORDED: { status: 409, title: 'That reward is already recorded for this report' },
  REWARD_AMOUNT_INVALID: { status: 422, title: 'A bounty needs a whole amount and a three-letter currency code' },
  MEMBER_UNKNOWN: { status: 404, title: 'This person is not a member of this organization' },
  LAST_ADMIN: { status: 409, title: 'The organization would have no administrator left; make someone else administrator first' },
  NOT_YOURSELF: { status: 409, title: 'You cannot do this to your own account here' },
  ACCOUNT_SHARED: {
    status: 409,
    title: 'This account belongs to other organizations too: remove the member instead; only the instance operator can disable it',
  },
  INVITATION_NOT_PENDING: { status: 409, title: 'This invitation is no longer pending' },
  SESSION_UNKNOWN: { status: 404, title: 'No such session of yours' },
  ADVISORY_ACTION_NOT_ALLOWED: { status: 409, title: 'The advisory cannot do that from where it stands' },
  ADVISORY_REVIEW_REQUIRED: {
    status: 409,
    title: 'The policy requires a second team member to approve the advisory before it is published',
  },
  ADVISORY_SELF_APPROVAL: { status: 409, title: 'Another team member must approve: you submitted this advisory for review' },
  ADVISORY_REASON_REQUIRED: { status: 422, title: 'A reason is required to withdraw an advisory' },
  ADVISORY_SCHEDULE_NOT_FUTURE: { status: 422, title: 'Choose a publication time in the future' },
  ADVISORY_CONTENT_INVALID: { status: 422, title: 'Some fields of the advisory need attention' },
  ADVISORY_REPORTS_NOT_FIXED: { status: 409, title: 'Every linked report must be fixed before the advisory is published' },
  ADVISORY_REPORT_UNKNOWN: { status: 422, title: 'No report with that reference that you may read' },
  ADVISORY_REPORT_LINKED: { status: 409, title: 'That report is linked to this advisory already' },
  ADVISORY_GCVE_NOT_CONFIGURED: { status: 409, title: 'The policy names no GCVE numbering authority id (advisories.gcve.gna)' },
  ADVISORY_GCVE_ALREADY: { status: 409, title: 'This advisory has a GCVE id already' },
  ADVISORY_CVE_SERVICES_NOT_CONFIGURED: {
    status: 409,
    title: 'CVE Services is not set up for this organization: an administrator enters its CNA credentials first',
  },
  ADVISORY_CVE_ALREADY: { status: 409, title: 'This advisory has a CVE id already' },
  CVE_SERVICES_UNAUTHORIZED: {
    status: 502,
    title: 'CVE Services refused the organization’s credentials: an administrator checks the CNA short name, user and API key',
  },
  CVE_SERVICES_FAILED: { status: 502, title: 'CVE Services did not reserve a CVE id; nothing was changed. Try again later' },
  CVSS_INVALID_VECTOR: { status: 422, title: 'The CVSS vector is not valid' },
  SEVERITY_NOT_SCORED: { status: 409, title: 'The policy scores severity by level only: no CVSS vector is kept' },
  SEVERITY_FROM_SCORE: { status: 409, title: 'The severity follows from the CVSS score; change the vector instead' },
  CWE_MALFORMED: { status: 422, title: 'Write a CWE id as CWE-<number>, e.g. CWE-79' },
  CWE_UNKNOWN: { status: 422, title: 'That id is not a weakness in the CWE list' },
  CWE_DEPRECATED: { status: 422, title: 'That weakness is deprecated in the CWE list' },
  MFA_REQUIRED: {
    status: 403,
    title: 'This organization requires a second factor: set up an authenticator app or a passkey, then sign in with it',
  },
  TOKEN_NAME_INVALID: { status: 422, title: 'A token needs a name: one line of at most 100 characters' },
  TOKEN_SCOPE_NOT_ALLOWED: { status: 403, title: 'Your role can only read: a token of yours can have the read scope only' },
  SSO_NOT_CONFIGURED: { status: 404, title: 'This organization offers no sign-in with an identity provider' },
  SSO_FAILED: { status: 401, title: 'Sign-in with the identity provider did not succeed; start again from the sign-in page' },
  SSO_NO_ACCOUNT: {
    status: 403,
    title: 'Your identity provider account is not a member of this organization; ask an administrator for an invitation',
  },
  SSO_ACCOUNT_DISABLED: { status: 403, title: 'This account is disabled' },
  PUBLIC_VERSION_NOT_DECIDED: { status: 409, title: 'A report gets a public version once it is accepted, rejected or marked a duplicate' },
  PUBLIC_VERSION_INCOMPLETE: { status: 422, title: 'The public version needs a title (one line), a text and the reason for the outcome' },
  PUBLIC_VERSION_TOO_LONG: { status: 422, title: 'The public version is too long' },
  PUBLIC_VERSION_NOT_ALLOWED: { status: 409, title: 'The public version cannot do that from where it stands' },
  PUBLIC_VERSION_SELF_REVIEW: { status: 409, title: 'The policy requires review: another team member must approve the public version' },
  PUBLIC_VERSION_PREVIEW_UNCONFIRMED: { status: 422, title: 'Confirm that you checked the preview of the public version' },
  PUBLIC_VERSION_OBJECTION_CLOSED: { status: 409, title: 'The time to object has passed' },
  PUBLIC_VERSION_REASON_REQUIRED: { status: 422, title: 'Say why you object, so the team can answer' },
  PUBLIC_VERSION_ADVISORY_UNKNOWN: { status: 422, title: 'There is no advisory with that id' },
  CRA_NOT_MANUFACTURER: {
    status: 409,
    title: 'The policy does not say the organization is a manufacturer under the Cyber Resilience Act (regulation.cra.manufacturer)',
  },
  CRA_ALREADY_MARKED: { status: 409, title: 'This report is already a Cyber Resilience Act case' },
  CRA_NOT_MARKED: { status: 409, title: 'This report is not marked as actively exploited or as a severe incident' },
  CRA_TIME_INVALID: { status: 422, title: 'Give a date and time that is not in the future (and not before the awareness)' },
  CRA_MEASURE_NOT_APPLICABLE: {
    status: 409,
    title: 'A severe incident’s final report counts from the incident notification, not from a measure',
  },
  CRA_STAGE_NOT_STARTED: { status: 409, title: 'This stage’s clock has not started yet' },
  CRA_ALREADY_FILED: { status: 409, title: 'This stage is already recorded as filed' },
  CRA_FIELD_INVALID: { status: 422, title: 'A field is too long or has control characters' },
  CRA_REFERENCE_INVALID: { status: 422, title: 'Give the reference the platform gave the filing: one line of at most 200 characters' },
  INTERNAL: { status: 500, title: 'Something went wrong on our side' },
  PARTNER_INVALID: { status: 422, title: 'Some fields of the partner need attention' },
  RELEASE_INVALID: { status: 422, title: 'Enter the planned release as a date and time' },
  RELEASE_NOT_FUTURE: { status: 422, title: 'Plan the release in the future' },
  ADVISORY_ALREADY_PUBLIC: { status: 409, title: 'The advisory is already public: nothing is early any more' },
  NOTICE_NO_PARTNER: { status: 422, title: 'Choose at least one partner that has not been told yet' },
  EARLY_NOTICE_NOT_IN_POLICY: {
    status: 409,
    title: 'The policy promises no early disclosure: partners are told when the advisory is public',
  },
  RELEASE_NOT_PLANNED: { status: 409, title: 'Plan the release first: early notice counts back from it' },
  RELEASE_PASSED: { status: 409, title: 'The planned release has passed: move it before telling partners' },
  NOTICE_REFUSED: { status: 409, title: 'Nothing was sent: some partners may not be told now' },
  MERGE_TOO_EARLY: { status: 409, title: 'Too early: the fix may not be merged publicly before its window opens' },
  MERGE_ALREADY_RECORDED: { status: 409, title: 'The public merge is already recorded' },
  MERGE_INVALID: { status: 422, title: 'Enter when the fix was merged as a date and time, not in the future' },
  ANNOUNCE_NO_CHANNEL: {
    status: 409,
    title: 'No announcement channel to send to: name channels in the policy and set how each is delivered',
  },
  CRA_NOTICE_NO_ADVISORY: { status: 409, title: 'No advisory covers this report yet: the notice to users is drafted from one' },
  NOTICE_NOT_PUBLISHED: { status: 409, title: 'Publish the advisory first: the announcement channels are public' },
  REPLY_TEMPLATE_INVALID: { status: 422, title: 'The reply template needs attention' },
} as const satisfies Record<AppErrorCode, Problem>

/** Thrown by handlers for an expected refusal; the error handler renders it as page or problem+json. */
export class HttpProblem extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(problems[code].title)
  }
  get status(): number {
    return problems[this.code].status
  }
}
