/** The `role="status"` region that announces the outcome of imports and exports. */
import type { StatusMessage } from './use-status';

/** Renders the announcement (always in the DOM, so screen readers pick up changes). */
export function StatusRegion({ status }: { status: StatusMessage }) {
  return (
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
  );
}
