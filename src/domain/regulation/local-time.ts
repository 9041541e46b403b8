/** The moments a team member types (`datetime-local`, in the organization's zone) as instants, and back. Pure. */
import { instantAt, wallTimeAt } from '../calendar/zoned-time.js'

const pattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/

/** "2026-12-04T17:00" in `timeZone` → ISO instant; undefined when it is not such a time or not a real date. */
export function instantFromLocal(text: string, timeZone: string): string | undefined {
  const m = pattern.exec(text.trim())
  if (!m) return undefined
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number]
  if (month < 1 || month > 12 || hour > 23 || minute > 59) return undefined
  if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined
  return new Date(instantAt({ year, month, day, hour, minute, second: 0, millisecond: 0 }, timeZone)).toISOString()
}

/** An instant as a `datetime-local` value in `timeZone`. */
export function localInputValue(iso: string, timeZone: string): string {
  const w = wallTimeAt(Date.parse(iso), timeZone)
  const p = (n: number, width = 2) => String(n).padStart(width, '0')
  return `${p(w.year, 4)}-${p(w.month)}-${p(w.day)}T${p(w.hour)}:${p(w.minute)}`
}
