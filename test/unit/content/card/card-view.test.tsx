// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CardView } from '../../../../src/content/card/card-view';
import type { TermDetail } from '../../../../src/shared/term-detail';
import { groupAliases } from '../../../../src/shared/term-detail-parts';

afterEach(() => {
  document.body.innerHTML = '';
  document.documentElement.removeAttribute('dir');
});

const detail: TermDetail = {
  id: 'p/cac',
  term: '网信办',
  definition: '国家互联网信息办公室。',
  aliases: [{ text: '国家网信办' }, { text: 'CAC', lang: 'en' }],
  status: 'current',
  related: [],
  sources: [],
  tags: [],
  glossary: { id: 'p', name: '团队术语', language: 'zh-Hans' },
};

describe('the definition card', () => {
  it("groups aliases without a language under the pack's language, else English", () => {
    const aliases = [{ text: 'a' }, { text: 'b', lang: 'en' }, { text: 'c' }];
    expect(groupAliases(aliases, 'zh-Hans')).toEqual([
      ['zh-Hans', ['a', 'c']],
      ['en', ['b']],
    ]);
    expect(groupAliases(aliases)).toEqual([['en', ['a', 'b', 'c']]]);
  });

  it("keeps the extension's direction on a right-to-left page, and marks the glossary's text with its language", () => {
    document.documentElement.setAttribute('dir', 'rtl');
    const root = document.createElement('div');
    document.body.append(root);
    render(
      <CardView
        state={{ kind: 'ready', detail }}
        mode="hover"
        onShowTerm={() => {}}
        onClose={() => {}}
        onEdit={() => {}}
      />,
      root,
    );
    const card = root.querySelector('[role="tooltip"]');
    expect(card?.getAttribute('dir')).toBe('ltr');
    expect(root.querySelector('h2')?.getAttribute('lang')).toBe('zh-Hans');
    expect(root.querySelector('.definition')?.getAttribute('dir')).toBe('auto');
    expect([...root.querySelectorAll('dd')].map((dd) => dd.getAttribute('lang'))).toEqual(['zh-Hans', 'en']);
  });
});
