/** One labelled control of the term editor with its validation messages, linked for screen readers. */
import type { ComponentChildren } from 'preact';
import { Field } from './field';
import { errorId, fieldId } from './term-validation';

/** What a control needs to know about the editor's problems. */
export interface FieldProblems {
  /** The messages shown for `field` now (none until the reader has been there, unless saving). */
  shown: (field: string) => string[];
  /** Marks `field` as visited: its messages show from now on. */
  touch: (field: string) => void;
}

/**
 * The attributes that tie a control to its label, hint and messages: `id`, `aria-label`,
 * `aria-invalid`, `aria-describedby` (the hint, then the messages), and a blur that marks it visited.
 */
export function controlAttrs(field: string, label: string, problems: FieldProblems, hintId?: string) {
  const invalid = problems.shown(field).length > 0;
  const describedBy = [hintId, invalid ? errorId(field) : undefined].filter(Boolean).join(' ');
  return {
    id: fieldId(field),
    'aria-label': label,
    'aria-invalid': invalid ? ('true' as const) : undefined,
    'aria-describedby': describedBy || undefined,
    onBlur: () => problems.touch(field),
  };
}

/** A visible label, the control, an optional hint, and the control's messages. */
export function TermField(props: {
  field: string;
  label: string;
  problems: FieldProblems;
  hint?: { id: string; text: string };
  class?: string;
  children: ComponentChildren;
}) {
  const { field, label, problems, hint } = props;
  const messages = problems.shown(field);
  return (
    <Field id={fieldId(field)} label={label} class={props.class}>
      {props.children}
      {hint && (
        <span id={hint.id} class="muted field-hint">
          {hint.text}
        </span>
      )}
      {messages.length > 0 && (
        <span id={errorId(field)} class="field-error">
          {messages.join('; ')}
        </span>
      )}
    </Field>
  );
}
