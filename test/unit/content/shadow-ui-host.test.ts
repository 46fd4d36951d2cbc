// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ShadowUiHost } from '../../../src/content/shadow-ui-host';

/** A click as the browser makes it for the reader's own press (a page's dispatchEvent cannot). */
function trusted(type: string): Event {
  const event = new MouseEvent(type, { bubbles: true, composed: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

describe('the in-page UI host', () => {
  it("acts on the reader's own clicks and keys only, not on ones a page script makes", () => {
    const host = new ShadowUiHost(document, '');
    host.show();
    const button = document.createElement('button');
    host.mount.append(button);
    const heard: string[] = [];
    for (const type of ['click', 'keydown', 'submit']) button.addEventListener(type, () => heard.push(type));

    button.click();
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    button.dispatchEvent(new Event('submit', { bubbles: true }));
    expect(heard).toEqual([]);

    button.dispatchEvent(trusted('click'));
    expect(heard).toEqual(['click']);
  });

  it('keeps what the reader types from bubbling out to the page (its shortcuts, its listeners)', () => {
    const host = new ShadowUiHost(document, '');
    host.show();
    const note = document.createElement('textarea');
    host.mount.append(note);
    const pageHeard: string[] = [];
    for (const type of ['keydown', 'input', 'pointerdown'])
      document.addEventListener(type, (event) => pageHeard.push(event.type));
    for (const event of [trusted('keydown'), trusted('input'), trusted('pointerdown')])
      note.dispatchEvent(event);
    // Typing stays in; a pointer press goes on (the page may close its own menus on it).
    expect(pageHeard).toEqual(['pointerdown']);
  });

  it('goes into a fullscreen element that draws its children, and not into a fullscreen video', () => {
    const host = new ShadowUiHost(document, '');
    const article = document.createElement('article');
    const video = document.createElement('video');
    document.body.append(article, video);
    const parentWhenFullscreen = (element: Element | null) => {
      Object.defineProperty(document, 'fullscreenElement', { value: element, configurable: true });
      host.show();
      return document.querySelector('[data-termlight-ui]')?.parentElement ?? null;
    };
    try {
      expect(parentWhenFullscreen(null)).toBe(document.documentElement);
      expect(parentWhenFullscreen(article)).toBe(article);
      expect(parentWhenFullscreen(video)).toBe(document.documentElement);
    } finally {
      Reflect.deleteProperty(document, 'fullscreenElement');
      host.hide();
    }
  });
});
