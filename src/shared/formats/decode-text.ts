/**
 * A glossary file's bytes as text. JSON and CSV are UTF-8 (with or without a BOM), as DESIGN says;
 * XML may be anything its declaration names, and terminology tools do write UTF-16 TBX. Bytes that
 * are not what the file says it is are refused with the line where they go wrong, rather than read
 * as replacement characters: a CSV saved by a spreadsheet in GBK would otherwise import as
 * gibberish without a word.
 */
import { type Said, say } from '../glossary/problem-words';
import type { ImportProblem } from './glossary-import';

/** The text, or why the bytes are not text (an import's refusal, placed in the file). */
export type DecodedFile = { ok: true; text: string } | { ok: false; errors: ImportProblem[] };

const refusal = (path: string, problem: Said): DecodedFile => ({
  ok: false,
  errors: [{ path, ...problem }],
});

/** The line (from 1) of the byte at `offset`, counting LF, CRLF and lone CR line ends. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}

/** The offset of the first byte that breaks UTF-8, or -1 when all of it is well-formed UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    // The length of the sequence and the range its second byte must fall in (no overlong forms,
    // no surrogates, nothing past U+10FFFF).
    let length = 0;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return -1;
}

/** The encoding an XML declaration at the start of `bytes` names (read as ASCII), if any. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 200));
  return /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1];
}

/**
 * Decodes `bytes` as the encoding `label` names, or says it could not: a label no decoder knows,
 * or bytes that are not valid in it (a fatal decoder throws on them).
 */
function decodeAs(label: string, bytes: Uint8Array): DecodedFile {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    return refusal('line 1', say('unknownEncoding', label));
  }
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    return refusal('line 1', say('badEncoding', decoder.encoding));
  }
}

/**
 * The text of a glossary file named `fileName`: by its byte order mark; a TBX/XML file without one
 * by its first bytes (UTF-16 `<?`) or its declaration's encoding; anything else as UTF-8.
 */
export function decodeGlossaryFile(bytes: Uint8Array, fileName: string): DecodedFile {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return decodeUtf8(bytes.subarray(3));
  if (b0 === 0xff && b1 === 0xfe) return decodeAs('utf-16le', bytes.subarray(2));
  if (b0 === 0xfe && b1 === 0xff) return decodeAs('utf-16be', bytes.subarray(2));
  if (/\.(tbx|xml)$/i.test(fileName)) {
    if (b0 === 0x3c && b1 === 0x00) return decodeAs('utf-16le', bytes);
    if (b0 === 0x00 && b1 === 0x3c) return decodeAs('utf-16be', bytes);
    const declared = declaredEncoding(bytes);
    if (declared && !/^utf-?8$/i.test(declared)) return decodeAs(declared, bytes);
  }
  return decodeUtf8(bytes);
}

function decodeUtf8(bytes: Uint8Array): DecodedFile {
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) return refusal(`line ${lineOfByte(bytes, bad)}`, say('notUtf8'));
  return { ok: true, text: new TextDecoder('utf-8').decode(bytes) };
}
