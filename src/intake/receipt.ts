import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../deps.js'
import { cookieNames, cookieOptions } from '../http/cookies.js'

/**
 * What the reporter's browser holds between the form's POST and the confirmation page
 * (post/redirect/get): the reference and, until it has been shown once, the follow-up link.
 *
 * The link is a secret, so it never goes into an address the browser history keeps or a log
 * line: it rides in one HttpOnly cookie, sealed (AES-256-GCM, key derived for this purpose only,
 * bound to the organization), for 15 minutes. The first view of the confirmation replaces it
 * with the reference alone, so a reload says the link was shown and how to reach the report
 * again, and creates nothing.
 */
export interface Receipt {
  org: string
  ref: string
  /** Present until the confirmation page has shown it once. */
  followUpUrl?: string
  notCredited?: boolean
  /** The files stored with the report (name, bytes), listed on every view of the confirmation. */
  files?: Array<{ name: string; size: number }>
}

/** A receipt rides in a cookie (4 KiB at most in browsers): file names are cut short and the list is capped. */
const receiptFiles = (files: Array<{ name: string; size: number }> | undefined) =>
  files?.slice(0, 20).map((f) => ({ name: [...f.name].length > 60 ? `${[...f.name].slice(0, 59).join('')}…` : f.name, size: f.size }))

export const receiptSeconds = 15 * 60

export function receiptKeeper(deps: Deps) {
  const cipher = deps.keyring.forInstance('report-receipt')
  const name = cookieNames(deps.config).receipt
  const context = (org: string) => `receipt|${org}`

  const keep = (reply: FastifyReply, receipt: Receipt) =>
    reply.setCookie(
      name,
      cipher.encrypt(JSON.stringify({ ...receipt, files: receiptFiles(receipt.files) }), context(receipt.org)),
      cookieOptions(deps.config, receiptSeconds),
    )

  /** The receipt for `org` this browser holds, if any; one for another organization's form is not shown here. */
  const read = (request: FastifyRequest, org: string): Receipt | null => {
    const value = request.cookies[name]
    if (!value) return null
    try {
      const receipt = JSON.parse(cipher.decrypt(value, context(org))) as Receipt
      return receipt.org === org && typeof receipt.ref === 'string' ? receipt : null
    } catch {
      return null
    }
  }

  /** Reads the receipt and spends its link: what is returned is shown now, and never again. */
  const take = (request: FastifyRequest, reply: FastifyReply, org: string): Receipt | null => {
    const receipt = read(request, org)
    if (receipt?.followUpUrl) keep(reply, { org: receipt.org, ref: receipt.ref, ...(receipt.files ? { files: receipt.files } : {}) })
    return receipt
  }

  return { keep, take }
}
