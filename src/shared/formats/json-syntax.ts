/**
 * Finds where a JSON text stops being valid. Engines disagree on whether their `JSON.parse` errors
 * carry a position (V8 often gives none), so a failed parse is re-read by this small scanner to tell
 * the user a line and column. It only runs after `JSON.parse` has failed.
 *
 * The scanner keeps the open arrays and objects on its own stack instead of recursing, so a file
 * nested a million levels deep is located like any other instead of overflowing the call stack.
 */

import { english, type PlainWords, type ProblemKey } from '../glossary/problem-words';

export interface JsonSyntaxError {
  line: number;
  column: number;
  /** In English. */
  message: string;
  words: PlainWords;
}

class Stop extends Error {
  constructor(
    readonly at: number,
    readonly words: PlainWords,
  ) {
    super(english(words));
  }
}

const ARRAY = 0;
const OBJECT = 1;

/** The arrays and objects open at the scanner's position, innermost last, one byte each. */
class OpenContainers {
  private kinds = new Uint8Array(64);
  private depth = 0;

  push(kind: typeof ARRAY | typeof OBJECT): void {
    if (this.depth === this.kinds.length) {
      const grown = new Uint8Array(this.kinds.length * 2);
      grown.set(this.kinds);
      this.kinds = grown;
    }
    this.kinds[this.depth++] = kind;
  }

  pop(): void {
    this.depth--;
  }

  /** The innermost open container, or undefined at the top level. */
  innermost(): number | undefined {
    return this.depth === 0 ? undefined : this.kinds[this.depth - 1];
  }
}

/** `true`, `false`, `null` or a number, read at `lastIndex`. */
const LITERAL = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** The first syntax error in `text`, with a 1-based line and column, or null when it is valid JSON. */
export function locateJsonError(text: string): JsonSyntaxError | null {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const fail = (key: ProblemKey, ...values: string[]): never => {
    throw new Stop(i, { key, values });
  };
  const expectChar = (ch: string) => {
    if (text[i] !== ch) fail(i >= text.length ? 'jsonExpectedAtEnd' : 'jsonExpected', ch);
    i++;
  };
  const string = () => {
    expectChar('"');
    while (i < text.length && text[i] !== '"') {
      const ch = text.charCodeAt(i);
      if (ch < 0x20) fail('jsonControlCharacter');
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('jsonBadUnicodeEscape');
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? '')) fail('jsonBadEscape');
      }
      i++;
    }
    expectChar('"');
  };
  const key = () => {
    ws();
    string();
    ws();
    expectChar(':');
  };
  /** Reads a string or literal, or opens a container; true when a whole value was read. */
  const startValue = (open: OpenContainers): boolean => {
    ws();
    const ch = text[i];
    if (ch === '{' || ch === '[') {
      i++;
      ws();
      if (text[i] === (ch === '{' ? '}' : ']')) {
        i++;
        return true;
      }
      open.push(ch === '{' ? OBJECT : ARRAY);
      if (ch === '{') key();
      return false;
    }
    if (ch === '"') {
      string();
      return true;
    }
    LITERAL.lastIndex = i;
    if (!LITERAL.test(text)) {
      fail(i >= text.length ? 'jsonEndedBeforeValue' : 'jsonUnexpectedCharacter');
    }
    i = LITERAL.lastIndex;
    return true;
  };
  /** After a whole value: closes the containers it ends; false at the end of the top-level value. */
  const afterValue = (open: OpenContainers): boolean => {
    for (let kind = open.innermost(); kind !== undefined; kind = open.innermost()) {
      ws();
      if (text[i] === ',') {
        i++;
        if (kind === OBJECT) key();
        return true;
      }
      expectChar(kind === OBJECT ? '}' : ']');
      open.pop();
    }
    return false;
  };
  try {
    const open = new OpenContainers();
    for (;;) {
      if (startValue(open) && !afterValue(open)) break;
    }
    ws();
    if (i < text.length) fail('jsonTextAfterValue');
    return null;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    return { ...lineAndColumn(text, error.at), message: error.message, words: error.words };
  }
}

/** The 1-based line and column of an offset, counting lines without copying the text. */
function lineAndColumn(text: string, at: number): { line: number; column: number } {
  // Lines end in LF, CRLF or a lone CR (old Mac files), as the CSV and TBX readers count them; the
  // column counts characters, so an emoji before the fault is one column, not two.
  const before = text.slice(0, at);
  const breaks = before.match(/\r\n?|\n/g) ?? [];
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return { line: breaks.length + 1, column: [...before.slice(lineStart)].length + 1 };
}
