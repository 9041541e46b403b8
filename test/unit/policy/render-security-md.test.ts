import { describe, expect, it } from 'vitest'
import { renderSecurityMd } from '../../../src/domain/policy/render-security-md.js'
import type { Policy } from '../../../src/domain/policy/schema.js'
import { loadPreset, type PresetName } from './presets.js'

const md = (name: PresetName) => renderSecurityMd(loadPreset(name), { reportUrl: `https://embargo.example/${name}/report` })

/** Asserts each phrase appears, and in the given order. */
function expectInOrder(text: string, phrases: readonly string[]) {
  let from = 0
  for (const phrase of phrases) {
    const at = text.indexOf(phrase, from)
    expect(at, `"${phrase}" after position ${from}`).toBeGreaterThanOrEqual(0)
    from = at + phrase.length
  }
}

describe('renderSecurityMd states every seed commitment', () => {
  it('Kumi Systems', () => {
    const text = md('kumi-systems')
    for (const phrase of [
      'confidential issue on KumiGit',
      'confidential issue on GitHub',
      'E-mail security@kumi.systems. Please encrypt your e-mail with our OpenPGP key',
      'The URL of the web application you are using',
      'The version of the browser you are using',
      'The version of the project you are using',
      'a link to a pull request with your fix (if you can)',
      'Please follow the process for Web applications.',
      'we coordinate with them',
      'mark your report as confidential',
      'assign your report to one member of the Kumi Systems security team',
      'within 3 business days',
      'within 7 business days, with the next steps',
      'at least every 5 days',
      'If the issue is not resolved within 90 days, we send you a final update saying that progress towards a fix has halted',
      'If you have not received a full update within 90 days, you may disclose it publicly',
      't-shirt (to the first reporter of a given non-trivial vulnerability)',
      'for our own products only',
      'free services or other benefits (depending on the severity)',
      'we will not bring or support legal action against you',
      'Only interact with accounts you own',
      'personally identifiable information (PII)',
      'This commitment does not apply to malicious acts.',
      'Third-party products and services',
      'except public holidays in AT',
    ]) {
      expect(text).toContain(phrase)
    }
    expectInOrder(text, [
      'If you have not received a reply within 7 business days, you may escalate, in this order:',
      '1. Contact the security team member assigned to your report.',
      '2. Contact the whole Kumi Systems security team at security@kumi.systems.',
      '3. Contact CEO (Kumi Systems CEO) at kumitterer@kumi.systems, OpenPGP key: https://github.com/kumisystems/security-policy/raw/main/kumitterer-key.gpg.',
    ])
  })

  it('Open Klant lists its eight steps in order, e-mail only, never the public tracker', () => {
    const text = md('open-klant')
    expect(text).toContain('E-mail security@maykinmedia.nl.')
    expect(text).not.toContain('reporting form')
    expect(text).toContain('**Never report a security issue on the public issue tracker**')
    expect(text).toContain('We acknowledge your report as soon as possible.')
    expectInOrder(text, [
      '1. Validate that there is indeed a (possible) issue.',
      '2. Confirm to the reporter that we received the report and whether it is a valid issue.',
      '3. Create an issue in the private GitHub repository',
      '4. Create a draft GitHub security advisory and establish severity and impact. The draft is only visible to the repository administrators and the community support team. Visible to administrators and the security team.',
      '5. Request a CVE identifier from GitHub, if appropriate.',
      '6. Implement, review and test a patch in a private fork.',
      '7. Merge the fix into the primary repository, publish the security advisory and the release, and update all managed instances.',
      '8. Communicate the release and the vulnerability to the community, including an announcement on commonground.nl.',
    ])
  })

  it('healthIMIS', () => {
    const text = md('healthimis')
    for (const phrase of [
      'We acknowledge your report within 1 business day.',
      'You receive a detailed response within 48 hours.',
      'We keep you informed of every major step until the issue is resolved.',
      'We may ask you for more information.',
      'Report the issue to the maintainers of that project',
      'made up of 2 people who watch the inbox on working days and coordinate so that no report is handled twice',
      'For high or critical severity reports we act immediately and alert the whole team.',
      'We do not offer a monetary bug bounty.',
      'Bugs that are not security issues go to the public issue tracker',
    ]) {
      expect(text).toContain(phrase)
    }
  })

  it('Alkemio', () => {
    const text = md('alkemio')
    for (const phrase of [
      'E-mail security@alkem.io (a private address).',
      '**Never report a security issue on the public issue tracker**',
      'contact security@alkem.io immediately',
      'within 5 business days, with our evaluation of the report, a detailed plan to investigate the issue, any workarounds you can apply in the meantime and an expected resolution date',
      'We fix the vulnerability in the next patch (or minor) release.',
      'Please tell us who you are: name and affiliation or company.',
      'You may also report under a pseudonym or anonymously.',
      'POC scripts, screenshots, and compressed packet captures',
      'an estimation of the attack surface',
      'Other projects or dependencies',
      '`informational`',
      'Use brute force attacks',
      'Copy, modify or delete data on the system',
      'we will not take any legal action against you',
      'We never pass on your personal details to third parties without your permission.',
      'We keep you informed of our progress',
      'We name you as the discoverer in the public advisory, unless you tell us otherwise.',
    ]) {
      expect(text).toContain(phrase)
    }
  })

  it('KhulnaSoft', () => {
    const text = md('khulnasoft')
    for (const phrase of [
      'E-mail security@khulnasoft.com (a private address).',
      'Bugs that are not security issues go to the public issue tracker',
      'You need help tuning KhulnaSoft project components for security.',
      'We acknowledge your report within 10 working days.',
      'stays with the team assigned to fix it and is shared only as needed to fix the issue',
      'Develop and test the fix in a private GitHub repository',
      'These are organizations, not individuals.',
      'KhulnaSoft blog: https://khulnasoft.com/blog/',
      'KhulnaSoft Twitter feed: https://twitter.com/khulnasoft',
      '#announcements channel on Slack',
      'Announcements say which mitigating steps you can take before upgrading.',
    ]) {
      expect(text).toContain(phrase)
    }
    expectInOrder(text, ['Changes are merged', 'binaries are promptly built and published', 'an announcement is sent out'])
  })

  it('keeps a policy value from breaking out of its line', () => {
    const policy = loadPreset('khulnasoft')
    const hostile: Policy = { ...policy, labels: [{ name: 'x', description: 'fine\n# Injected heading' }] }
    expect(renderSecurityMd(hostile)).not.toMatch(/^# Injected heading/m)
  })
})
