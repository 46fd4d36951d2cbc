import { describe, expect, it } from 'vitest';
import { pickLocale } from '../../../src/shared/pick-locale';

describe('pickLocale', () => {
  it('keeps the UI language when the messages are in it, else follows the messages', () => {
    const cases: [ui: string, messages: string, expected: string][] = [
      ['en-GB', 'en', 'en-GB'],
      ['zh-CN', 'zh-CN', 'zh-CN'],
      ['zh_CN', 'zh-CN', 'zh-CN'],
      // Headless Chromium under --lang=zh-CN: the UI language stays en-US, the messages are Chinese.
      ['en-US', 'zh-CN', 'zh-CN'],
      // A language with no messages of its own: the English fallback is shown, so English it is.
      ['fr-FR', 'en', 'en'],
      ['', 'en', 'en'],
    ];
    const failing = cases.filter(([ui, messages, expected]) => pickLocale(ui, messages) !== expected);
    expect(failing).toEqual([]);
  });
});
