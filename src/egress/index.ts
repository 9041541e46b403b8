/** Front door: outbound requests to servers an administrator named, to public addresses only. */
export { EgressRefused, egressFetch, type GuardedFetch, guardedFetch, isEgressRefused } from './guarded-fetch.js'
export { type AllowedRanges, mayConnectTo, parseAllowedRanges } from './outbound-address.js'
