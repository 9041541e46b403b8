import type { ComponentChildren } from 'preact'
import type { Translator } from '../../../i18n/messages.js'
import { Field } from './field.js'

export interface SelectProps {
  name: string
  label: ComponentChildren
  value?: string
  options: Array<{ value: string; label: string }>
  hint?: ComponentChildren
  error?: ComponentChildren
  required?: boolean
  /** See `Field`: enables the "(required)" label text. */
  t?: Translator
}

/** A labelled drop-down; the option whose value equals `value` is selected. */
export function Select({ name, label, value, options, hint, error, required, t }: SelectProps) {
  return (
    <Field name={name} label={label} hint={hint} error={error} required={required} t={t}>
      <select class="input select" name={name}>
        {options.map((option) => (
          <option key={option.value} value={option.value} selected={option.value === value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  )
}
