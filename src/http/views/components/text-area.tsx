import type { ComponentChildren } from 'preact'
import type { Translator } from '../../../i18n/messages.js'
import { Field } from './field.js'

export interface TextAreaProps {
  name: string
  label: ComponentChildren
  value?: string
  rows?: number
  hint?: ComponentChildren
  error?: ComponentChildren
  required?: boolean
  maxLength?: number
  /** See `Field`: enables the "(required)" label text. */
  t?: Translator
}

/** A labelled multi-line text box (report bodies, replies: Markdown is allowed there). */
export function TextArea({ name, label, value, rows = 6, hint, error, required, maxLength, t }: TextAreaProps) {
  return (
    <Field name={name} label={label} hint={hint} error={error} required={required} t={t}>
      <textarea class="input textarea" name={name} rows={rows} maxLength={maxLength} value={value ?? ''} />
    </Field>
  )
}
