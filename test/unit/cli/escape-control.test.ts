import { describe, expect, it } from 'vitest';
import { escapeControl } from '../../../src/cli/escape-control';
import { fixture, run } from './cli-harness';

/** Any character a terminal would act on rather than show. */
const RAW_CONTROL = /[\p{Cc}\p{Bidi_Control}]/u;

describe('escapeControl', () => {
  it('writes terminal controls and bidi overrides as visible \\u escapes', () => {
    expect(escapeControl('\u001b[31mred\u001b[0m')).toBe('\\u001b[31mred\\u001b[0m');
    expect(escapeControl('bell\u0007 csi\u009b2J new\nline')).toBe('bell\\u0007 csi\\u009b2J new\\u000aline');
    expect(escapeControl('abc\u202ecba')).toBe('abc\\u202ecba');
  });

  it('leaves other text, Chinese included, as it is', () => {
    expect(escapeControl('风格指南 "quoted", C:\\path')).toBe('风格指南 "quoted", C:\\path');
  });
});

describe('termlight output', () => {
  it('escapes control characters from a pack it prints', async () => {
    const { code, out } = await run('stats', fixture('control-chars.json'));
    expect(code).toBe(0);
    expect(out[0]).toContain('"Red \\u001b[31malert\\u001b[0m": 1 term');
    expect(out[0]).not.toMatch(RAW_CONTROL);
  });

  it('escapes control characters in the error messages of an invalid pack', async () => {
    const { code, err } = await run('validate', fixture('control-chars.csv'));
    expect(code).toBe(1);
    expect(err).toContain(
      `${fixture('control-chars.csv')}: line 2, column "related": related id "\\u001b[2Jwipe" does not match any term in this pack`,
    );
    for (const line of err) expect(line).not.toMatch(RAW_CONTROL);
  });
});
