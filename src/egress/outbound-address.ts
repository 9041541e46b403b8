/**
 * Which addresses Embargo may open a connection to when an administrator typed the endpoint (an
 * identity provider, CVE Services, an announcement webhook, a Matrix homeserver). Those addresses
 * are attacker-reachable input: an administrator's account taken over, or a name that resolves to
 * 169.254.169.254, would otherwise turn the server into a probe of its own network (SSRF, ASVS
 * v5.0.0-1.3.6). Only public unicast addresses are allowed, plus the ranges the operator lists
 * (`EMBARGO_EGRESS_ALLOW`, e.g. a provider on the intranet).
 */
import ipaddr from 'ipaddr.js'

export type AllowedRanges = ReadonlyArray<[ipaddr.IPv4 | ipaddr.IPv6, number]>

/** The operator's ranges, from "10.0.0.0/8, 127.0.0.1, ::1/128"; throws with the offending entry. */
export function parseAllowedRanges(text: string): AllowedRanges {
  const ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] = []
  for (const raw of text.split(',')) {
    const entry = raw.trim()
    if (entry === '') continue
    try {
      if (entry.includes('/')) ranges.push(ipaddr.parseCIDR(entry))
      else {
        const address = ipaddr.parse(entry)
        ranges.push([address, address.kind() === 'ipv4' ? 32 : 128])
      }
    } catch {
      throw new Error(`"${entry}" is not an address or a range such as 10.0.0.0/8`)
    }
  }
  return ranges
}

/** Whether a connection to `ip` (a textual IPv4 or IPv6 address) may be opened. */
export function mayConnectTo(ip: string, allowed: AllowedRanges): boolean {
  if (!ipaddr.isValid(ip)) return false
  let address = ipaddr.parse(ip)
  // ::ffff:10.0.0.1 is 10.0.0.1.
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) address = (address as ipaddr.IPv6).toIPv4Address()
  for (const [range, bits] of allowed) {
    if (range.kind() === address.kind() && address.match(range, bits)) return true
  }
  // Everything that is not plain public unicast (private, loopback, link-local with the cloud
  // metadata service, unique-local, carrier-grade NAT, multicast, reserved, and the IPv6
  // transition ranges that embed an IPv4 address) stays closed.
  return address.range() === 'unicast'
}
