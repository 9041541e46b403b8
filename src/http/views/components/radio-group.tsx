import type { ComponentChildren } from 'preact'
import type { Translator } from '../../../i18n/messages.js'
import { cx, idFragment } from './class-names.js'
import { FieldError, fieldIds, RequiredMarker } from './field.js'

export interface RadioOption {
  value: string
  label: ComponentChildren
  hint?: ComponentChildren
}

export interface RadioGroupProps {
  name: string
  legend: ComponentChildren
  value?: string
  options: RadioOption[]
  error?: ComponentChildren
  /** A hint for the whole group, under the legend. */
  hint?: ComponentChildren
  required?: boolean
  /** See `Field`: enables the "(required)" legend text. */
  t?: Translator
}

/** One choice among a few, as a `<fieldset>` whose `<legend>` is the question. */
export function RadioGroup({ name, legend, value, options, error, hint, required, t }: RadioGroupProps) {
  const ids = fieldIds(name)
  const groupDescribedBy = [hint ? ids.hint : null, error ? ids.error : null].filter(Boolean).join(' ') || undefined
  return (
    <fieldset class={cx('field', 'radio-group', error ? 'field--invalid' : null)} aria-describedby={groupDescribedBy}>
      <legend class="field__label">
        {legend}
        {required ? <RequiredMarker t={t} /> : null}
      </legend>
      {hint ? (
        <p class="field__hint" id={ids.hint}>
          {hint}
        </p>
      ) : null}
      {error ? <FieldError id={ids.error}>{error}</FieldError> : null}
      <div class="radio-group__options">
        {options.map((option, index) => {
          const id = `${ids.control}-${idFragment(option.value) || String(index)}`
          const hintId = `${id}-hint`
          return (
            <div class="choice" key={option.value}>
              <input
                class="choice__input"
                type="radio"
                id={id}
                name={name}
                value={option.value}
                checked={option.value === value}
                required={required}
                aria-invalid={error ? 'true' : undefined}
                aria-describedby={option.hint ? hintId : undefined}
              />
              <label class="choice__label" for={id}>
                {option.label}
              </label>
              {option.hint ? (
                <p class="choice__hint" id={hintId}>
                  {option.hint}
                </p>
              ) : null}
            </div>
          )
        })}
      </div>
    </fieldset>
  )
}
