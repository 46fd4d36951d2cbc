// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { hasText, whenTextAppears } from '../../../src/content/page-text';

describe('whether a frame has text yet', () => {
  it('finds none in an empty frame, in whitespace, or in scripts, styles and form fields', () => {
    for (const html of [
      '',
      '  \n ',
      '<div><span> </span></div>',
      '<script>var MLPS = 1;</script><style>p{}</style>',
      '<textarea>MLPS</textarea>',
    ]) {
      document.body.innerHTML = html;
      expect(hasText(document)).toBe(false);
    }
  });

  it('finds a word anywhere in the body, or an open shadow root', () => {
    document.body.innerHTML = '<div><script>x</script><p> <b>MLPS</b></p></div>';
    expect(hasText(document)).toBe(true);
    document.body.innerHTML = '<my-app></my-app>';
    (document.body.firstElementChild as HTMLElement).attachShadow({ mode: 'open' });
    expect(hasText(document)).toBe(true);
  });

  it('starts at once on a page with text, and on an empty one once text arrives', async () => {
    const signal = new AbortController().signal;
    document.body.innerHTML = '<p>TC260</p>';
    let started = 0;
    whenTextAppears(document, signal, () => started++);
    expect(started).toBe(1);

    document.body.innerHTML = '<div></div>';
    whenTextAppears(document, signal, () => started++);
    document.body.firstElementChild?.append(' ');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toBe(1);
    document.body.firstElementChild?.append('the CAC');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toBe(2);
    document.body.append('more');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toBe(2);
  });

  it('never starts once the page is switched off while it waits', async () => {
    const controller = new AbortController();
    document.body.innerHTML = '';
    let started = 0;
    whenTextAppears(document, controller.signal, () => started++);
    controller.abort();
    document.body.append('MLPS');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toBe(0);
  });
});
