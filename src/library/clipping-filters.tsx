/** The search box and the term, tag and site filters above the clippings. */
import { t } from '../shared/i18n';
import type { ClippingQuery, FilterOptions } from './clipping-query';
import { Field } from './field';

/** Search and filters; every change narrows the list at once. */
export function ClippingFilters(props: {
  query: ClippingQuery;
  options: FilterOptions;
  onChange: (query: ClippingQuery) => void;
}) {
  const { query, options, onChange } = props;
  return (
    <search class="filters">
      <Field id="clipping-search" label={t('library_searchClippings')} class="search-field">
        <input
          id="clipping-search"
          type="search"
          aria-label={t('library_searchClippings')}
          value={query.text}
          onInput={(event) => onChange({ ...query, text: event.currentTarget.value })}
        />
      </Field>
      <FilterSelect
        id="filter-term"
        label={t('library_filterTerm')}
        anyLabel={t('library_allTerms')}
        value={query.termId}
        choices={options.terms.map((t) => ({ value: t.id, label: t.name }))}
        onChange={(termId) => onChange({ ...query, termId })}
      />
      <FilterSelect
        id="filter-tag"
        label={t('library_filterTag')}
        anyLabel={t('library_allTags')}
        value={query.tag}
        choices={options.tags.map((tag) => ({ value: tag, label: tag }))}
        onChange={(tag) => onChange({ ...query, tag })}
      />
      <FilterSelect
        id="filter-site"
        label={t('library_filterSite')}
        anyLabel={t('library_allSites')}
        value={query.site}
        choices={options.sites.map((site) => ({ value: site, label: site }))}
        onChange={(site) => onChange({ ...query, site })}
      />
    </search>
  );
}

/** A labelled select whose first option ('' = any) clears the filter. */
function FilterSelect(props: {
  id: string;
  label: string;
  anyLabel: string;
  value: string;
  choices: { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  const { id, label, anyLabel, value, choices, onChange } = props;
  // A chosen value whose last clipping was just deleted stays listed, so the select still shows it.
  const shown =
    value && !choices.some((c) => c.value === value) ? [...choices, { value, label: value }] : choices;
  return (
    <Field id={id} label={label}>
      <select
        id={id}
        aria-label={label}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
      >
        <option value="">{anyLabel}</option>
        {shown.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
