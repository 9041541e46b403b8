/**
 * One HTTP request to an address an administrator typed (a Slack webhook, a Matrix homeserver, a
 * signed webhook):
 *  - https only; plain http only to this machine with `EMBARGO_ANNOUNCE_HTTP` (tests);
 *  - through the one egress guard (`src/egress`): every address the name resolves to is checked
 *    when the connection opens, so loopback, private, link-local (cloud metadata at
 *    169.254.169.254) and reserved ranges are refused unless the operator allowed the range
 *    (`EMBARGO_EGRESS_ALLOW`);
 *  - no redirect is followed (a 3xx is a failure), nothing of the answer is kept but its status,
 *    and the request gives up after 10 seconds.
 */
import type { Config } from '../config.js'
import { egressFetch, isEgressRefused } from '../egress/index.js'

export class RequestRefused extends Error {}

export interface GuardedRequest {
  method: 'POST' | 'PUT'
  url: string
  headers: Record<string, string>
  body: string
  timeoutMs?: number
}

/** Sends the request; resolves with the status code. Refusals reject with `RequestRefused`, network errors as they are. */
export async function guardedRequest(config: Pick<Config, 'egressAllow' | 'announceHttp'>, r: GuardedRequest): Promise<number> {
  const url = new URL(r.url)
  if (url.protocol !== 'https:' && !(config.announceHttp && url.protocol === 'http:')) throw new RequestRefused('https only')
  try {
    const response = await egressFetch(config)(url, {
      method: r.method,
      headers: { ...r.headers, 'user-agent': 'Embargo announcements' },
      body: r.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(r.timeoutMs ?? 10_000),
    })
    // Nothing of the answer is kept: dropped unread, its status is the result.
    await response.body?.cancel()
    return response.status
  } catch (error) {
    if (isEgressRefused(error)) throw new RequestRefused(`${url.hostname} is not a public address`)
    throw error
  }
}
