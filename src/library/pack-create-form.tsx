/** "New glossary": a button that opens a small form (name, language, description) for a local pack. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { validatePack } from '../shared/glossary/validate';
import { t } from '../shared/i18n';
import { Field } from './field';
import { problemText } from './problem-text';

/** What the form asks for. */
export interface NewPack {
  name: string;
  language?: string;
  description?: string;
}

const FIELDS = {
  name: { id: 'pack-create-name', label: () => t('library_packName') },
  language: { id: 'pack-create-language', label: () => t('library_packLanguage') },
  description: { id: 'pack-create-description', label: () => t('library_packDescription') },
} as const;
type PackField = keyof typeof FIELDS;

/** The pack header the importer would accept, or each field's problem (the importer's own messages). */
function checkPack(pack: NewPack): Partial<Record<PackField, string>> {
  const result = validatePack({
    format: 'termlight-glossary',
    version: 1,
    id: 'new-glossary',
    ...pack,
    terms: [],
  });
  const found: Partial<Record<PackField, string>> = {};
  if (result.ok) return found;
  for (const error of result.errors) {
    const field = /^\$\.(name|language|description)\b/.exec(error.path)?.[1] as PackField | undefined;
    if (field && !found[field]) found[field] = problemText(error);
  }
  return found;
}

/**
 * The "New glossary" button and, when it is pressed, the form beneath it. "Create glossary" calls
 * `onCreate`, which resolves true once the pack exists (focus then goes to the new pack); Cancel or
 * Escape closes the form and returns focus to the button.
 */
export function PackCreateForm(props: { onCreate: (pack: NewPack) => Promise<boolean> }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [language, setLanguage] = useState('');
  const [description, setDescription] = useState('');
  const [tried, setTried] = useState(false);
  const busy = useRef(false);
  const button = useRef<HTMLButtonElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const refocusButton = useRef(false);

  useEffect(() => {
    if (open) nameInput.current?.focus();
    else if (refocusButton.current) {
      refocusButton.current = false;
      button.current?.focus();
    }
  }, [open]);

  const pack: NewPack = {
    name: name.trim(),
    ...(language.trim() && { language: language.trim() }),
    ...(description.trim() && { description: description.trim() }),
  };
  const problems = tried ? checkPack(pack) : {};

  const close = (refocus: boolean) => {
    refocusButton.current = refocus;
    setOpen(false);
    setName('');
    setLanguage('');
    setDescription('');
    setTried(false);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy.current) return;
    setTried(true);
    const found = checkPack(pack);
    const first = (Object.keys(FIELDS) as PackField[]).find((f) => found[f]);
    if (first) {
      document.getElementById(FIELDS[first].id)?.focus();
      return;
    }
    busy.current = true;
    try {
      if (await props.onCreate(pack)) close(false);
    } finally {
      busy.current = false;
    }
  };

  const attrs = (field: PackField, hint?: string) => {
    const problem = problems[field];
    const describedBy = [hint, problem ? `${FIELDS[field].id}-error` : undefined].filter(Boolean).join(' ');
    return {
      id: FIELDS[field].id,
      'aria-label': FIELDS[field].label(),
      'aria-invalid': problem ? ('true' as const) : undefined,
      'aria-describedby': describedBy || undefined,
    };
  };
  const error = (field: PackField) =>
    problems[field] && (
      <span id={`${FIELDS[field].id}-error`} class="field-error">
        {problems[field]}
      </span>
    );

  return (
    <>
      <button
        type="button"
        ref={button}
        aria-expanded={open}
        aria-controls="pack-create"
        onClick={() => (open ? close(true) : setOpen(true))}
      >
        {t('library_newGlossary')}
      </button>
      {open && (
        <form
          id="pack-create"
          class="pack-create"
          aria-label={t('library_newGlossary')}
          noValidate
          onSubmit={submit}
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.preventDefault();
            close(true);
          }}
        >
          <Field id={FIELDS.name.id} label={FIELDS.name.label()}>
            <input
              type="text"
              ref={nameInput}
              aria-required="true"
              {...attrs('name')}
              value={name}
              onInput={(event) => setName(event.currentTarget.value)}
            />
            {error('name')}
          </Field>
          <Field id={FIELDS.language.id} label={FIELDS.language.label()}>
            <input
              type="text"
              spellcheck={false}
              placeholder="en, zh-Hans…"
              {...attrs('language', 'pack-create-language-hint')}
              value={language}
              onInput={(event) => setLanguage(event.currentTarget.value)}
            />
            <span id="pack-create-language-hint" class="muted field-hint">
              {t('library_packLanguageHint')}
            </span>
            {error('language')}
          </Field>
          <Field id={FIELDS.description.id} label={FIELDS.description.label()} class="wide">
            <textarea
              rows={2}
              {...attrs('description')}
              value={description}
              onInput={(event) => setDescription(event.currentTarget.value)}
            />
            {error('description')}
          </Field>
          <div class="actions">
            <button type="submit" class="primary">
              {t('library_createGlossary')}
            </button>
            <button type="button" onClick={() => close(true)}>
              {t('library_cancel')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
