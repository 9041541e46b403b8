/**
 * The official schemas the advisory exports are checked against, compiled with ajv from
 * ../shared/standards (never copied into the repository): CVE JSON 5.1.1, OSV, CSAF 2.0 with the
 * FIRST CVSS schemas it refers to. Each `present`/`reason` says whether the tests can run.
 */
import fs from 'node:fs'
import path from 'node:path'
import { Ajv } from 'ajv'
import { Ajv2020 } from 'ajv/dist/2020.js'
import formats from 'ajv-formats'
import { standard } from './standards.js'

const addFormats = formats.default
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>

export const cve5Schema = standard('cve5', 'schema', 'CVE_Record_Format_bundled_5.1.1.json')
export const osvSchema = standard('osv', 'osv-schema.json')
export const csafSchema = standard('csaf', '2.0', 'json_schema', 'csaf_json_schema.json')

/** What CVE Services adds to a posted CNA container (providerMetadata, the record around it). */
export function asPublishedCveRecord(container: object, cveId: string, orgId = '8254265b-2729-46b6-b9e3-3dfca2d5bfca') {
  return {
    dataType: 'CVE_RECORD',
    dataVersion: '5.1',
    cveMetadata: {
      cveId,
      assignerOrgId: orgId,
      assignerShortName: 'oklant',
      state: 'PUBLISHED',
      datePublished: '2026-03-10T12:00:00.000Z',
    },
    containers: { cna: { providerMetadata: { orgId, shortName: 'oklant', dateUpdated: '2026-03-10T12:00:00.000Z' }, ...container } },
  }
}

export function cveValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false })
  addFormats(ajv)
  return ajv.compile(readJson(cve5Schema.dir))
}

export function osvValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: false })
  addFormats(ajv)
  return ajv.compile(readJson(osvSchema.dir))
}

export function csafValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateSchema: false })
  addFormats(ajv)
  // The FIRST CVSS schemas CSAF refers to, under the URLs it uses (v2.0 and v3.0 are draft-04: their
  // own meta-schema line is dropped, the structure compiles the same).
  for (const v of ['2.0', '3.0', '3.1']) {
    const {
      $schema: _s,
      id: _id,
      $id: _$id,
      ...schema
    } = readJson(path.join(csafSchema.dir, '../../referenced_schema/first', `cvss-v${v}.json`))
    ajv.addSchema(schema, `https://www.first.org/cvss/cvss-v${v}.json`)
  }
  const { $schema: _s, ...schema } = readJson(csafSchema.dir)
  return ajv.compile(schema)
}
