/** An on/off switch with visible text, whose accessible name belongs to the control alone. */
import type { ComponentChildren } from 'preact';

/**
 * A checkbox with `role="switch"` named `name`, and `children` beside it as its visible label (the
 * name when there are none). The visible `<label>` is hidden from the accessibility tree: Firefox
 * exposes a `<label>` around a control as a node of its own, named like the control, so a search
 * by name (a screen reader's list, an `aria/` query) would meet the label, which has no state,
 * before the switch.
 */
export function Switch(props: {
  id: string;
  name: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  class?: string;
  describedBy?: string;
  children?: ComponentChildren;
}) {
  return (
    <span class={props.class ? `switch ${props.class}` : 'switch'}>
      <input
        id={props.id}
        type="checkbox"
        role="switch"
        aria-label={props.name}
        aria-describedby={props.describedBy}
        aria-checked={props.checked}
        checked={props.checked}
        onChange={(event) => props.onChange((event.currentTarget as HTMLInputElement).checked)}
      />
      <label for={props.id} aria-hidden="true">
        {props.children ?? props.name}
      </label>
    </span>
  );
}
