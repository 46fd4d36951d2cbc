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
  useEffect(() => {
    if (action) actionButton.current?.focus();
  }, [action]);
  return (
    <div class="status-bar">
      <div role="status" class={status ? `status-${status.tone}` : undefined}>
        {status && (
          <>
            <span>{status.text}</span>
            {status.details && status.details.length > 0 && (
              <ul class="errors">
                {status.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            )}
          </>
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
