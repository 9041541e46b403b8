import type { ComponentChildren } from 'preact'
import type { Translator } from '../../../i18n/messages.js'
import { Field } from './field.js'

export interface TextInputProps {
  name: string
  label: ComponentChildren
  value?: string
  type?: 'text' | 'email' | 'password' | 'url' | 'datetime-local'
  hint?: ComponentChildren
  error?: ComponentChildren
  required?: boolean
  autocomplete?: string
  maxLength?: number
  /** See `Field`: enables the "(required)" label text. */
  t?: Translator
}

/** A labelled one-line text input. Passwords are never echoed back: `value` is ignored for them. */
export function TextInput({ name, label, value, type = 'text', hint, error, required, autocomplete, maxLength, t }: TextInputProps) {
  return (
    <Field name={name} label={label} hint={hint} error={error} required={required} t={t}>
      <input
        class="input"
        // preact's types split <input> by `type`; every member of our union is a plain text-like input
        type={type as 'text'}
        name={name}
        value={type === 'password' ? undefined : value}
        autocomplete={autocomplete}
        maxLength={maxLength}
        spellcheck={type === 'text' ? undefined : false}
      />
    </Field>
  )
}
