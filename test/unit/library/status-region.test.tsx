// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { StatusRegion } from '../../../src/library/status-region';
import type { StatusMessage } from '../../../src/library/use-status';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the status region', () => {
  it('puts a new node in the live region for each message, even one with the same text as the last', () => {
    const root = document.createElement('div');
    document.body.append(root);
    const show = (status: StatusMessage) => {
      render(<StatusRegion status={status} />, root);
      const region = root.querySelector('[role="status"]');
      return { node: region?.firstElementChild ?? null, text: region?.textContent ?? '' };
    };
    const first = show({ tone: 'ok', text: 'Settings saved.' });
    const again = show({ tone: 'ok', text: 'Settings saved.' });
    expect([first.text, again.text]).toEqual(['Settings saved.', 'Settings saved.']);
    expect(again.node).not.toBe(first.node);
    // The same message rendered again (a parent's re-render) is not a new announcement.
    const message: StatusMessage = { tone: 'ok', text: 'Exported.' };
    const shown = show(message);
    expect(show(message).node).toBe(shown.node);
  });
});
