/** Joins the truthy class names with a space: `cx('btn', primary && 'btn--primary')`. */
export function cx(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ')
}

/** Turns a form field name (which may hold brackets or dots) into a safe, stable id fragment. */
export function idFragment(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '')
  return cleaned === '' ? 'field' : cleaned
}

/** Restricts a value used in a class name modifier to lowercase letters, digits and dashes. */
export function modifier(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9-]+/g, '-')
}
