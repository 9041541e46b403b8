/**
 * What a header value, a display name and an attachment's file name become on their way across
 * the mail boundary: what a recipient sees in the Subject and From lines, and what a team sees in
 * the download dialog — spaced as written, with nothing that could open a new header line, hide
 * a character, or reverse a name; long file names cut with their extension kept.
 */
import { describe, expect, it } from 'vitest'
import { cleanDisplayName, cleanHeaderValue, sanitizeFilename } from '../../../src/domain/text-hygiene.js'

describe('a header value as a recipient sees it', () => {
  it('turns line breaks and tabs into one space, drops controls, bidi and invisible characters', () => {
    expect(cleanHeaderValue('New\r\nreport')).toBe('New report')
    expect(cleanHeaderValue('New\u2028report')).toBe('New report')
    expect(cleanHeaderValue('New\treport')).toBe('New report')
    expect(cleanHeaderValue('Re\u0001port')).toBe('Report')
    expect(cleanHeaderValue('Re\u202eport')).toBe('Report')
    expect(cleanHeaderValue('Re\u200bport')).toBe('Report')
  })

  it('keeps an encoded-word opener as literal text, and collapses runs of spaces', () => {
    expect(cleanHeaderValue('=?utf-8?Q?x?=')).toBe('= ?utf-8?Q?x?=')
    expect(cleanHeaderValue('  two   spaces  ')).toBe('two spaces')
  })

  it('is cut at the limit, whole when it fits', () => {
    expect(cleanHeaderValue('abc', 3)).toBe('abc')
    expect(cleanHeaderValue('abcd', 3)).toBe('abc')
  })
})

describe('a display name as a recipient sees it', () => {
  it('loses the characters of address syntax, each becoming a space', () => {
    expect(cleanDisplayName('Eve <eve@evil.example>, "Bob"')).toBe('Eve eve evil.example Bob')
    expect(cleanDisplayName('Ada Lovelace')).toBe('Ada Lovelace')
  })

  it('has no trailing space where the limit cuts after a word', () => {
    expect(cleanDisplayName('Ada Lovelace', 4)).toBe('Ada')
  })
})

describe('an attachment’s file name as the team sees it', () => {
  it('is "attachment" when nothing is left of it', () => {
    expect(sanitizeFilename('')).toBe('attachment')
    expect(sanitizeFilename(null)).toBe('attachment')
    expect(sanitizeFilename('...')).toBe('attachment')
    expect(sanitizeFilename(' . ', 'file')).toBe('file')
  })

  it('loses line breaks, controls and invisible characters without a trace, and keeps tabs as spaces', () => {
    expect(sanitizeFilename('re\nport.pdf')).toBe('report.pdf')
    expect(sanitizeFilename('re\u0001port.pdf')).toBe('report.pdf')
    expect(sanitizeFilename('re\u200bport.pdf')).toBe('report.pdf')
    expect(sanitizeFilename('evil\u202efdp.exe')).toBe('evilfdp.exe')
    expect(sanitizeFilename('my\treport.pdf')).toBe('my report.pdf')
  })

  it('replaces characters file systems refuse, drops leading and trailing dots and spaces, collapses spaces', () => {
    expect(sanitizeFilename('a<b>:c|d?.txt')).toBe('a_b__c_d_.txt')
    expect(sanitizeFilename('..hidden')).toBe('hidden')
    expect(sanitizeFilename(' . .hidden')).toBe('hidden')
    expect(sanitizeFilename('name.. .')).toBe('name')
    expect(sanitizeFilename('my   report.pdf')).toBe('my report.pdf')
    expect(sanitizeFilename('../../etc/passwd')).toBe('passwd')
  })

  it('is kept whole up to the limit and cut beyond it, keeping a short extension', () => {
    const exact = `${'x'.repeat(116)}.pdf`
    expect(sanitizeFilename(exact)).toBe(exact)
    expect(sanitizeFilename(`x${exact}`)).toBe(exact)
    expect(sanitizeFilename(`${'x'.repeat(200)}.pdf`)).toBe(exact)
    // An extension of twelve characters with its dot is still one; longer is just part of the name.
    expect(sanitizeFilename(`${'x'.repeat(200)}.abcdefghijk`)).toBe(`${'x'.repeat(108)}.abcdefghijk`)
    expect(sanitizeFilename(`a.${'b'.repeat(200)}`)).toBe(`a.${'b'.repeat(118)}`)
    // No dot, no extension: the end is cut.
    expect(sanitizeFilename(`${'x'.repeat(199)}y`)).toBe('x'.repeat(120))
    expect(sanitizeFilename('abcdefgh', 'attachment', 5)).toBe('abcde')
  })
})
