export interface HiddenInputProps {
  name: string
  value: string
}

/** A hidden form value (CSRF token, ids carried through a form). */
export function HiddenInput({ name, value }: HiddenInputProps) {
  return <input type="hidden" name={name} value={value} />
}
