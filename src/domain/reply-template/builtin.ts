/**
 * The starting templates every team has, made from its policy rather than stored: an
 * acknowledgment, a request for more information, the detailed response (only when the policy
 * defines one: its headings are what `responses.detailed` promises) and "fixed". They change with
 * the policy; a team that wants its own wording copies one into an editable template.
 */
import type { Policy } from '../policy/schema.js'
import type { ReplyTemplate } from './template.js'

export const builtinPrefix = 'builtin:'
export const isBuiltinId = (id: string) => id.startsWith(builtinPrefix)

/** What each content flag of a detailed response becomes: a heading, and a line to start from. */
const detailedSections = {
  evaluation: ['Our evaluation', 'What we found when we looked at your report, and how severe we consider it.'],
  'next-steps': ['Next steps', 'What happens next, and what we may ask of you.'],
  plan: ['Our plan', 'How we will investigate and fix the issue.'],
  workarounds: ['Workarounds', 'What users can do to protect themselves until a fix is available.'],
  'expected-resolution-date': ['Expected resolution date', 'We expect to resolve the issue by {{resolution date}}.'],
} as const

const greeting = 'Hello {{reporter}},'
const signature = 'Kind regards,\nThe {{organization}} security team'
const paragraphs = (...parts: Array<string | false | undefined>) => parts.filter((p): p is string => typeof p === 'string').join('\n\n')

function acknowledgment(policy: Policy | undefined): ReplyTemplate {
  const clocks = policy?.clocks
  return {
    id: `${builtinPrefix}acknowledgment`,
    name: 'Acknowledgment',
    detailed: false,
    body: paragraphs(
      greeting,
      'Thank you for reporting this to {{organization}}. We received your report and track it as {{reference}}.',
      clocks?.detailedResponse !== undefined && 'You will receive a detailed response by {{detailed response due}}.',
      policy?.responses?.informReporter !== undefined && 'We will keep you informed of our progress until the issue is resolved.',
      signature,
    ),
  }
}

function moreInformation(): ReplyTemplate {
  return {
    id: `${builtinPrefix}more-information`,
    name: 'Need more information',
    detailed: false,
    body: paragraphs(
      greeting,
      'Thank you for your report {{reference}}. To investigate it further we need more information from you:',
      '- ',
      'Please reply to this message; we will continue as soon as we hear from you.',
      signature,
    ),
  }
}

function detailedResponse(content: readonly string[]): ReplyTemplate {
  const sections = content.flatMap((flag) => {
    const section = detailedSections[flag as keyof typeof detailedSections]
    return section ? [`## ${section[0]}\n\n${section[1]}`] : []
  })
  return {
    id: `${builtinPrefix}detailed-response`,
    name: 'Detailed response',
    detailed: true,
    body: paragraphs(greeting, 'This is our detailed response to your report {{reference}}.', ...sections, signature),
  }
}

function fixed(policy: Policy | undefined): ReplyTemplate {
  return {
    id: `${builtinPrefix}fixed`,
    name: 'Fixed',
    detailed: false,
    body: paragraphs(
      greeting,
      'The issue you reported ({{reference}}) is fixed. Thank you for helping us keep {{organization}} safe.',
      policy?.clocks?.disclosure !== undefined && 'We plan to disclose it by {{disclosure date}}.',
      signature,
    ),
  }
}

/** The built-in templates under `policy`, in the order a report meets them. */
export function builtinTemplates(policy: Policy | undefined): ReplyTemplate[] {
  const content = policy?.responses?.detailed ?? []
  const detailed = policy?.clocks?.detailedResponse !== undefined || content.length > 0
  return [acknowledgment(policy), moreInformation(), ...(detailed ? [detailedResponse(content)] : []), fixed(policy)]
}
