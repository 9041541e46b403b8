import { type ComponentChildren, cloneElement, isValidElement, type VNode } from 'preact'
import type { Translator } from '../../../i18n/messages.js'
import { cx, idFragment } from './class-names.js'
import { Icon } from './icons.js'

/** The ids a field's parts use, derived from the field name so labels, hints and errors stay linked. */
export function fieldIds(name: string): { control: string; hint: string; error: string } {
  const base = `f-${idFragment(name)}`
  return { control: base, hint: `${base}-hint`, error: `${base}-error` }
}

/** The `aria-describedby` value for a control: its hint and its error, when present. */
export function describedBy(name: string, parts: { hint?: unknown; error?: unknown }): string | undefined {
  const ids = fieldIds(name)
  const list = [parts.hint ? ids.hint : null, parts.error ? ids.error : null].filter((id): id is string => id !== null)
  return list.length > 0 ? list.join(' ') : undefined
}

export interface FieldProps {
  name: string
  label: ComponentChildren
  hint?: ComponentChildren
  /** The message shown when the submitted value was refused; marks the control `aria-invalid`. */
  error?: ComponentChildren
  required?: boolean
  /** When given, required fields say "(required)" in the label; otherwise they show an asterisk. */
  t?: Translator
  /**
   * The control. A single `<input>`, `<select>` or `<textarea>` gets `id`, `aria-describedby`,
   * `aria-invalid` and `required` added unless it already sets them.
   */
  children?: ComponentChildren
}

const wireable = new Set(['input', 'select', 'textarea'])

/** A label, an optional hint, an optional error message and one control, wired together for assistive tech. */
export function Field({ name, label, hint, error, required, t, children }: FieldProps) {
  const ids = fieldIds(name)
  const control = isValidElement(children) && typeof children.type === 'string' && wireable.has(children.type) ? wire(children) : children

  function wire(vnode: VNode<any>): VNode<any> {
    const props = vnode.props as Record<string, unknown>
    const extra: Record<string, unknown> = {}
    if (props.id === undefined) extra.id = ids.control
    if (props['aria-describedby'] === undefined) extra['aria-describedby'] = describedBy(name, { hint, error })
    if (props['aria-invalid'] === undefined && error) extra['aria-invalid'] = 'true'
    if (props.required === undefined && required) extra.required = true
    return cloneElement(vnode, extra)
  }

  return (
    <div class={cx('field', error ? 'field--invalid' : null)}>
      <label class="field__label" for={ids.control}>
        {label}
        {required ? <RequiredMarker t={t} /> : null}
      </label>
      {hint ? (
        <p class="field__hint" id={ids.hint}>
          {hint}
        </p>
      ) : null}
      {error ? <FieldError id={ids.error}>{error}</FieldError> : null}
      {control}
    </div>
  )
}

export function RequiredMarker({ t }: { t?: Translator | undefined }) {
  return t ? (
    <span class="field__required"> ({t('field.required')})</span>
  ) : (
    <span class="field__required" aria-hidden="true">
      {' *'}
    </span>
  )
}

export function FieldError({ id, children }: { id: string; children?: ComponentChildren }) {
  return (
    <p class="field__error" id={id}>
      <Icon name="danger" class="field__error-icon" />
      <span>{children}</span>
    </p>
  )
}
