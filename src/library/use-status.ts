/** A polite live-region message for the outcome of an action. */
import { useState } from 'preact/hooks';

/** A button offered with a message, such as "Undo" after a deletion. */
export interface StatusAction {
  label: string;
  run: () => void;
}

export type StatusMessage = {
  tone: 'ok' | 'error' | 'info';
  text: string;
  details?: string[];
  action?: StatusAction;
} | null;

/** State for one `role="status"` region. */
export function useStatus() {
  return useState<StatusMessage>(null);
}
