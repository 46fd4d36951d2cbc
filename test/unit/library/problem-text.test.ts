import { describe, expect, it } from 'vitest';
import { problemLines } from '../../../src/library/problem-status';
import { placeText, problemText } from '../../../src/library/problem-text';
import { draftFromTerm } from '../../../src/library/term-draft';
import { checkDraft } from '../../../src/library/term-validation';
import { parseGlossaryFile } from '../../../src/shared/formats/glossary-file';
import {
  FIELD_NAMES,
  type FieldKey,
  fillTemplate,
  PROBLEM_TEMPLATES,
  type ProblemKey,
} from '../../../src/shared/glossary/problem-words';
import { validatePack } from '../../../src/shared/glossary/validate';
import { makePack, makeTerm } from '../support/packs';
import { messageReader, readMessages, useLocale } from './locale-messages';

const en = messageReader(readMessages('en'));
const zh = messageReader(readMessages('zh_CN'));
const problemKeys = Object.keys(PROBLEM_TEMPLATES) as ProblemKey[];
const fieldKeys = Object.keys(FIELD_NAMES) as FieldKey[];
const HAN = /\p{Script=Han}/u;

/** Values to fill a template with, as many as it has. */
const samples = (template: string) => [...new Set(template.match(/\$\d/g))].map((_, i) => `value${i + 1}`);

describe('the words of validator problems in the locales', () => {
  it("say in en exactly the validator's English, for every problem and field", () => {
    const failing = [
      ...problemKeys.filter((key) => {
        const template = PROBLEM_TEMPLATES[key];
        return en(`problem_${key}`, samples(template)) !== fillTemplate(template, samples(template));
      }),
      ...fieldKeys.filter((key) => en(`glossaryField_${key}`) !== FIELD_NAMES[key]),
    ];
    expect(failing).toEqual([]);
  });

  it('say each problem and field in Chinese in zh_CN, with every value in its place', () => {
    const failing = [
      ...problemKeys.filter((key) => {
        const values = samples(PROBLEM_TEMPLATES[key]);
        const text = zh(`problem_${key}`, values);
        return !HAN.test(text) || values.some((value) => !text.includes(value));
      }),
      ...fieldKeys.filter((key) => !HAN.test(zh(`glossaryField_${key}`))),
    ];
    expect(failing).toEqual([]);
  });
});

describe('a problem in the library, in Chinese', () => {
  useLocale('zh_CN', 'zh-CN');

  const errorsOf = (terms: unknown[]) => {
    const result = validatePack({ ...makePack('p', []), terms });
    return result.ok ? [] : result.errors;
  };

  it('names the field and the scheme of a source URL it refuses', () => {
    const [error] = errorsOf([makeTerm('a', 'A', { sources: [{ url: 'javascript:alert(1)' }] })]);
    expect(error?.path).toBe('$.terms[0].sources[0].url');
    expect(problemText(error ?? { message: '' })).toBe(
      '来源网址必须使用 http: 或 https:，而不是 javascript:',
    );
  });

  it('writes a field inside the sentence in Chinese, and a place as the caller names it', () => {
    const [blank] = errorsOf([makeTerm('a', 'A', { aliases: [{ text: ' ' }] })]);
    expect(problemText(blank ?? { message: '' })).toBe('别名文本不能为空');
    const [duplicate] = errorsOf([makeTerm('a', 'A'), makeTerm('a', 'B')]);
    expect(problemText(duplicate ?? { message: '' }, (path) => `<${path}>`)).toBe(
      '术语 ID“a”重复（首次使用于 <$.terms[0].id>）',
    );
  });

  it('reads a problem without words (a reader’s own) in its English', () => {
    expect(problemText({ message: 'column "notes" is ignored' })).toBe('column "notes" is ignored');
  });

  it("labels the term editor's problems with its own field names", () => {
    const pack = makePack('p', [makeTerm('other', 'Other term')]);
    const draft = draftFromTerm(
      makeTerm('mine', 'Mine', { sources: [{ title: 'T', url: 'ftp://example.org/law' }] }),
    );
    draft.id = 'other';
    const { errors } = checkDraft(pack, draft, undefined);
    expect(errors.map((p) => [p.label, p.message])).toEqual([
      ['术语 ID', '术语 ID“other”重复（首次使用于 “Other term”）'],
      ['来源 1 的网址', '来源网址必须使用 http: 或 https:，而不是 ftp:'],
    ]);
  });

  it('tells the editor of an earlier term that its new id is taken by a later one', () => {
    const pack = makePack('p', [makeTerm('mine', 'Mine'), makeTerm('other', 'Other term')]);
    const draft = draftFromTerm(makeTerm('mine', 'Mine'));
    draft.id = 'other';
    const { errors } = checkDraft(pack, draft, 'mine');
    expect(errors.map((p) => [p.label, p.message])).toEqual([['术语 ID', 'ID“other”已被“Other term”使用']]);
  });

  it('writes the places the file readers name in Chinese, and leaves other paths as they are', () => {
    const places: [string, string][] = [
      ['line 4', '第 4 行'],
      ['line 1, column 7', '第 1 行第 7 列'],
      ['line 3, column "Definition"', '第 3 行“Definition”列'],
      ['line 12, <conceptEntry id="c1">/<term>', '第 12 行 <conceptEntry id="c1">/<term>'],
      ['$.terms[1].sources[0].url', '$.terms[1].sources[0].url'],
      ['team terms.csv', 'team terms.csv'],
    ];
    expect(places.filter(([place, text]) => placeText(place) !== text)).toEqual([]);
  });

  it('refuses a file that is not JSON in Chinese, with the line and column of the fault', () => {
    const result = parseGlossaryFile('pack.json', '{\n  "id": oops\n}');
    expect(result.ok ? [] : problemLines(result.errors)).toEqual([
      '$: 不是有效的 JSON：意外的字符（第 2 行第 9 列）',
    ]);
  });

  it("refuses a CSV without a required column in Chinese, at the header's line", () => {
    const result = parseGlossaryFile('team.csv', 'term,aliases\nMLPS,等级保护\n');
    expect(result.ok ? [] : problemLines(result.errors)).toEqual([
      '第 1 行: 缺少“definition”列（表头至少需要 term 和 definition）',
    ]);
  });
});
