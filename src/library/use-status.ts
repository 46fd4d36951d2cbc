/** A polite live-region message for the outcome of an action. */
import { useState } from 'preact/hooks';

export type StatusMessage = { tone: 'ok' | 'error' | 'info'; text: string; details?: string[] } | null;

/** State for one `role="status"` region. */
export function useStatus() {
  return useState<StatusMessage>(null);
}
