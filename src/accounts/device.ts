/** A short, human name for a browser from its User-Agent ("Firefox on Linux"), or null. Shown only to the session's owner. */
export function deviceName(userAgent: string | null | undefined): string | null {
  if (!userAgent) return null
  const browser =
    [
      [/Edg\//, 'Edge'],
      [/OPR\//, 'Opera'],
      [/Firefox\//, 'Firefox'],
      [/Chrom(e|ium)\//, 'Chrome'],
      [/Safari\//, 'Safari'],
      [/curl\//, 'curl'],
    ].find(([re]) => (re as RegExp).test(userAgent))?.[1] ?? null
  const system =
    [
      [/Android/, 'Android'],
      [/iPhone|iPad|iPod/, 'iOS'],
      [/Windows/, 'Windows'],
      [/Mac OS X|Macintosh/, 'macOS'],
      [/CrOS/, 'ChromeOS'],
      [/Linux/, 'Linux'],
    ].find(([re]) => (re as RegExp).test(userAgent))?.[1] ?? null
  if (browser && system) return `${browser} on ${system}`
  return (browser as string | null) ?? (system as string | null) ?? [...userAgent].slice(0, 60).join('')
}
