/**
 * The weakness picker, working without JavaScript: a text input for a CWE id with a `<datalist>`
 * of suggestions (the most used weaknesses, or the last search's results), and a "Search" submit
 * (`name="intent" value="cwe-search"`) the caller's route answers by rendering the form again with
 * `searchCwe` results (src/domain/advisory/cwe.ts). The results are radio buttons named
 * `<name>-pick`, so a weakness is picked from the list without JavaScript; the caller reads the
 * pick (or else the typed id) and validates it with `validateCwe`.
 */
import type { Weakness } from '../../../domain/advisory/cwe.js'
import type { Translator } from '../../../i18n/messages.js'
import { Button } from './button.js'
import { Field } from './field.js'

export interface CwePickerProps {
  t: Translator
  name: string
  value?: string
  /** Offered in the datalist: `searchCwe(catalogue, '')` (the most used) or the results of a search. */
  suggestions: readonly Weakness[]
  /** The query of a search just made, to list its results under the field. */
  query?: string
  error?: string
}

export function CwePicker({ t, name, value, suggestions, query, error }: CwePickerProps) {
  const listId = `${name}-cwe-list`
  return (
    <div class="stack cwe-picker">
      <Field name={name} label={t('cwe.label')} hint={t('cwe.hint')} error={error}>
        <input class="input" type="text" name={name} value={value} list={listId} maxLength={200} autocomplete="off" spellcheck={false} />
      </Field>
      <datalist id={listId}>
        {suggestions.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
          </option>
        ))}
      </datalist>
      <Button variant="secondary" name="intent" value="cwe-search">
        {t('cwe.search')}
      </Button>
      {query !== undefined ? (
        suggestions.length > 0 ? (
          <section>
            <h4>{t('cwe.results', { query })}</h4>
            <ul class="cwe-results">
              {suggestions.map((w) => (
                <li key={w.id}>
                  <label>
                    <input type="radio" name={`${name}-pick`} value={w.id} /> <code>{w.id}</code> {w.name}
                  </label>
                </li>
              ))}
            </ul>
          </section>
        ) : (
          <p class="text-muted">{t('cwe.noResults', { query })}</p>
        )
      ) : null}
    </div>
  )
}
