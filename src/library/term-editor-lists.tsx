/** The term editor's repeatable rows: aliases (text, language, case) and sources (title, URL). */

import { isAcronymLike } from '../shared/glossary/alias-rules';
import { t } from '../shared/i18n';
import { formatCount } from './locale';
import { ALIAS_LANGUAGES, type AliasDraft, emptyAlias, emptySource, type SourceDraft } from './term-draft';
import { controlAttrs, type FieldProblems, TermField } from './term-field';
import { aliasField, fieldId, sourceField } from './term-validation';

/** Each alias language's name in the list. */
const ALIAS_LANGUAGE_LABELS: Record<(typeof ALIAS_LANGUAGES)[number]['value'], () => string> = {
  '': () => t('library_langNone'),
  en: () => t('library_langEn'),
  'zh-Hans': () => t('library_langZhHans'),
  'zh-Hant': () => t('library_langZhHant'),
  ja: () => t('library_langJa'),
  ko: () => t('library_langKo'),
  other: () => t('library_langOther'),
};

/** What "Default" means for an alias's case, in words. */
function defaultCaseLabel(text: string): string {
  return isAcronymLike(text.trim()) ? t('library_caseDefaultAcronym') : t('library_caseDefault');
}

/** Where focus goes after a row is added or removed (a control's element id). */
export type FocusRequest = (elementId: string) => void;

/** The alias rows, each a group named "Alias <n>", with "Add alias" after them. */
export function AliasRows(props: {
  aliases: AliasDraft[];
  onChange: (aliases: AliasDraft[]) => void;
  problems: FieldProblems;
  focus: FocusRequest;
}) {
  const { aliases, onChange, problems, focus } = props;
  const put = (key: number, change: Partial<AliasDraft>) =>
    onChange(aliases.map((a) => (a.key === key ? { ...a, ...change } : a)));
  const add = () => {
    const row = emptyAlias();
    onChange([...aliases, row]);
    focus(fieldId(aliasField(row.key, 'text')));
  };
  const remove = (index: number) => {
    const next = aliases.filter((_, i) => i !== index);
    onChange(next);
    // To the row that moved into its place, else the one before, else "Add alias".
    const neighbour = next[index] ?? next[index - 1];
    focus(neighbour ? fieldId(aliasField(neighbour.key, 'text')) : 'term-editor-add-alias');
  };
  return (
    <fieldset class="term-rows">
      <legend>{t('library_aliases')}</legend>
      {problems.shown('aliases').length > 0 && (
        <p class="field-error" id="term-editor-aliases-error">
          {problems.shown('aliases').join('; ')}
        </p>
      )}
      {aliases.map((alias, i) => {
        const text = aliasField(alias.key, 'text');
        const lang = aliasField(alias.key, 'lang');
        const caseField = aliasField(alias.key, 'case');
        return (
          <fieldset class="term-row" key={alias.key}>
            <legend>{t('library_aliasN', formatCount(i + 1))}</legend>
            <TermField field={text} label={t('library_fieldAlias')} problems={problems} class="grow">
              <input
                type="text"
                {...controlAttrs(text, t('library_fieldAlias'), problems)}
                value={alias.text}
                onInput={(event) => {
                  put(alias.key, { text: event.currentTarget.value });
                  problems.touch(text);
                }}
              />
            </TermField>
            <TermField field={lang} label={t('library_fieldAliasLanguage')} problems={problems}>
              <select
                {...controlAttrs(lang, t('library_fieldAliasLanguage'), problems)}
                value={alias.langChoice}
                onChange={(event) => {
                  const choice = event.currentTarget.value;
                  put(alias.key, { langChoice: choice });
                  problems.touch(lang);
                  if (choice === 'other') focus(`${fieldId(lang)}-other`);
                }}
              >
                {ALIAS_LANGUAGES.map((l) => (
                  <option key={l.value} value={l.value}>
                    {ALIAS_LANGUAGE_LABELS[l.value]()}
                  </option>
                ))}
              </select>
            </TermField>
            {alias.langChoice === 'other' && (
              <div class="field">
                <label class="field-label" for={`${fieldId(lang)}-other`} aria-hidden="true">
                  {t('library_aliasLanguageTag')}
                </label>
                <input
                  type="text"
                  id={`${fieldId(lang)}-other`}
                  aria-label={t('library_aliasLanguageTag')}
                  aria-invalid={problems.shown(lang).length > 0 ? 'true' : undefined}
                  aria-describedby={problems.shown(lang).length > 0 ? `${fieldId(lang)}-error` : undefined}
                  placeholder="fr, de, pt-BR…"
                  value={alias.langOther}
                  onInput={(event) => {
                    put(alias.key, { langOther: event.currentTarget.value });
                    problems.touch(lang);
                  }}
                  onBlur={() => problems.touch(lang)}
                />
              </div>
            )}
            <TermField field={caseField} label={t('library_fieldCase')} problems={problems}>
              <select
                {...controlAttrs(caseField, t('library_fieldCase'), problems)}
                value={alias.caseChoice}
                onChange={(event) =>
                  put(alias.key, { caseChoice: event.currentTarget.value as AliasDraft['caseChoice'] })
                }
              >
                <option value="">{defaultCaseLabel(alias.text)}</option>
                <option value="yes">{t('library_matchCase')}</option>
                <option value="no">{t('library_ignoreCase')}</option>
              </select>
            </TermField>
            <button type="button" class="remove-row" onClick={() => remove(i)}>
              {t('library_removeAlias')}
            </button>
          </fieldset>
        );
      })}
      <button type="button" id="term-editor-add-alias" onClick={add}>
        {t('library_addAlias')}
      </button>
    </fieldset>
  );
}

/** The source rows, each a group named "Source <n>", with "Add source" after them. */
export function SourceRows(props: {
  sources: SourceDraft[];
  onChange: (sources: SourceDraft[]) => void;
  problems: FieldProblems;
  focus: FocusRequest;
}) {
  const { sources, onChange, problems, focus } = props;
  const put = (key: number, change: Partial<SourceDraft>) =>
    onChange(sources.map((s) => (s.key === key ? { ...s, ...change } : s)));
  const add = () => {
    const row = emptySource();
    onChange([...sources, row]);
    focus(fieldId(sourceField(row.key, 'title')));
  };
  const remove = (index: number) => {
    const next = sources.filter((_, i) => i !== index);
    onChange(next);
    const neighbour = next[index] ?? next[index - 1];
    focus(neighbour ? fieldId(sourceField(neighbour.key, 'title')) : 'term-editor-add-source');
  };
  return (
    <fieldset class="term-rows">
      <legend>{t('library_sources')}</legend>
      {problems.shown('sources').length > 0 && (
        <p class="field-error" id="term-editor-sources-error">
          {problems.shown('sources').join('; ')}
        </p>
      )}
      {sources.map((source, i) => {
        const title = sourceField(source.key, 'title');
        const url = sourceField(source.key, 'url');
        return (
          <fieldset class="term-row" key={source.key}>
            <legend>{t('library_sourceN', formatCount(i + 1))}</legend>
            <TermField field={title} label={t('library_fieldSourceTitle')} problems={problems} class="grow">
              <input
                type="text"
                {...controlAttrs(title, t('library_fieldSourceTitle'), problems)}
                value={source.title}
                onInput={(event) => {
                  put(source.key, { title: event.currentTarget.value });
                  problems.touch(title);
                }}
              />
            </TermField>
            <TermField field={url} label={t('library_fieldSourceUrl')} problems={problems} class="grow">
              <input
                type="text"
                inputMode="url"
                placeholder="https://…"
                {...controlAttrs(url, t('library_fieldSourceUrl'), problems)}
                value={source.url}
                onInput={(event) => {
                  put(source.key, { url: event.currentTarget.value });
                  problems.touch(url);
                }}
              />
            </TermField>
            <button type="button" class="remove-row" onClick={() => remove(i)}>
              {t('library_removeSource')}
            </button>
          </fieldset>
        );
      })}
      <button type="button" id="term-editor-add-source" onClick={add}>
        {t('library_addSource')}
      </button>
    </fieldset>
  );
}
