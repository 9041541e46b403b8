import { describe, expect, it } from 'vitest'
import { mayConnectTo, parseAllowedRanges } from '../../../src/egress/index.js'

describe('which addresses an administrator-named server may resolve to', () => {
  it('public unicast addresses, v4 and v6, are reached', () => {
    for (const ip of ['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111']) expect(mayConnectTo(ip, []), ip).toBe(true)
  })

  it('loopback, private, link-local (cloud metadata), CGNAT, unique-local, multicast and unspecified addresses are refused', () => {
    const closed = [
      '127.0.0.1',
      '127.0.0.2',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '::1',
      '::',
      'fe80::1',
      'fd00::1',
      'ff02::1',
      '::ffff:10.0.0.1',
      '::ffff:169.254.169.254',
      '64:ff9b::a00:1',
      '2002:a00:1::',
    ]
    for (const ip of closed) expect(mayConnectTo(ip, []), ip).toBe(false)
  })

  it('an IPv4-mapped IPv6 address of a public host is that host', () => {
    expect(mayConnectTo('::ffff:93.184.216.34', [])).toBe(true)
  })

  it("the operator's ranges open exactly those addresses", () => {
    const allowed = parseAllowedRanges(' 10.0.0.0/8 , 192.168.1.5, ::1 ')
    expect(mayConnectTo('10.200.0.1', allowed)).toBe(true)
    expect(mayConnectTo('::ffff:10.200.0.1', allowed)).toBe(true)
    expect(mayConnectTo('192.168.1.5', allowed)).toBe(true)
    expect(mayConnectTo('192.168.1.6', allowed)).toBe(false)
    expect(mayConnectTo('::1', allowed)).toBe(true)
    expect(mayConnectTo('127.0.0.1', allowed)).toBe(false)
    expect(mayConnectTo('169.254.169.254', allowed)).toBe(false)
  })

  it('a malformed range is refused with the entry named; an empty setting allows nothing extra', () => {
    expect(() => parseAllowedRanges('10.0.0.0/8, intranet')).toThrow('"intranet" is not an address or a range')
    expect(() => parseAllowedRanges('10.0.0.0/33')).toThrow('"10.0.0.0/33"')
    expect(parseAllowedRanges('')).toEqual([])
  })

  it('what is not an address is never reached', () => {
    expect(mayConnectTo('localhost', [])).toBe(false)
    expect(mayConnectTo('', parseAllowedRanges('0.0.0.0/0'))).toBe(false)
  })
})
