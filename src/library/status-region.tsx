/** The `role="status"` region that announces the outcome of imports, exports and edits. */
import { useEffect, useRef } from 'preact/hooks';
import type { StatusMessage } from './use-status';

/**
 * Renders the announcement (always in the DOM, so screen readers pick up changes) and, beside it, the
 * message's action button. The button sits outside the live region so that only the message is
 * announced, and takes focus when it appears: the control that led to it (a deleted clipping's
 * "Delete clipping") is usually gone.
 */
export function StatusRegion({ status }: { status: StatusMessage }) {
  const actionButton = useRef<HTMLButtonElement>(null);
  const action = status?.action;
  // Each message is a new node, even one whose text is the last one's ("Settings saved." twice):
  // a screen reader announces what is added to a live region, and an unchanged text adds nothing.
  const shown = useRef<{ status: StatusMessage; count: number }>({ status: null, count: 0 });
  if (shown.current.status !== status) shown.current = { status, count: shown.current.count + 1 };
  useEffect(() => {
    if (action) actionButton.current?.focus();
  }, [action]);
  return (
    <div class="status-bar">
      <div role="status" class={status ? `status-${status.tone}` : undefined}>
        {status && (
          <div key={shown.current.count}>
            <span>{status.text}</span>
            {status.details && status.details.length > 0 && (
              <ul class="errors">
                {status.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
      {action && (
        <button type="button" ref={actionButton} onClick={action.run}>
          {action.label}
        </button>
      )}
    </div>
  );
}
