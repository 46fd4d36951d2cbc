/** A form control with a visible label whose accessible name belongs to the control alone. */
import type { ComponentChildren } from 'preact';

/**
 * Shows `label` above `children` (one control with id `id` and `aria-label={label}`); a click on the
 * text focuses the control. The `<label>` is hidden from the accessibility tree: Firefox exposes a
 * label as a node named by its text, and a search by name (a screen reader's list of fields, an
 * end-to-end test's `aria/` query) would otherwise meet the label before the control.
 */
export function Field(props: { id: string; label: string; class?: string; children: ComponentChildren }) {
  return (
    <div class={props.class ? `field ${props.class}` : 'field'}>
      <label class="field-label" for={props.id} aria-hidden="true">
        {props.label}
      </label>
      {props.children}
    </div>
  );
}
