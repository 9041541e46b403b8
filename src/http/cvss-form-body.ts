import { cvssFormFields } from '../domain/severity/cvss-form.js'
import { cvssVersions } from '../domain/severity/cvss-metrics.js'
import { Form } from './form-body.js'

/**
 * The fields the CVSS calculator posts (src/http/views/components/cvss-calculator.tsx), for a
 * route's `Form({...cvssFormBodyFields, …})`: every metric of CVSS 3.1 and 4.0 as a choice among
 * the values it takes, so a tampered calculator is refused before any use case runs.
 */
export const cvssFormBodyFields = Object.fromEntries(
  cvssVersions.flatMap((version) => cvssFormFields(version)).map((field) => [field.name, Form.choice(field.values)]),
)
