/**
 * Glossary CSV (DESIGN.md, "The glossary format"): one row per term under a header naming the
 * columns in any order; RFC 4180 quoting (read by papaparse); list cells `|`-separated; a source is
 * `title <url>` or a bare URL. CSV has no place for an alias's language or case flags, so the
 * defaults apply on import and the export leaves them out.
 */

import Papa from 'papaparse';
import {
  GLOSSARY_FORMAT,
  GLOSSARY_VERSION,
  type GlossaryPack,
  type SourceRef,
  TERM_FIELDS,
} from '../glossary/model';
import { say } from '../glossary/problem-words';
import { joinList, splitList } from './csv-list';
import {
  freeId,
  type ImportProblem,
  type ParsedImport,
  packIdentityFromFileName,
  slugify,
  termIdFromName,
  termPathParts,
  validateImported,
} from './glossary-import';

/** Every column the reader knows, in the order the export writes them: a term's fields. */
const COLUMNS = TERM_FIELDS;
type Column = (typeof COLUMNS)[number];

// Two, as the csvMissingColumn message names them.
const REQUIRED_COLUMNS = ['term', 'definition'] as const satisfies readonly Column[];

/** Header names compare case-insensitively and without spaces, dashes or underscores ("Superseded by"). */
function headerKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}
const COLUMN_BY_KEY = new Map<string, Column>(COLUMNS.map((column) => [headerKey(column), column]));

/**
 * A spreadsheet runs a cell that starts with one of these as a formula (CSV injection), and a
 * pack's text may come from anyone who shares one. The export puts a `'` before such a cell, as
 * spreadsheets themselves do, and the import takes one `'` off a cell that starts with `'`s and
 * then one of these, so the guard never changes the text a round trip carries. (A hand-written
 * cell such as `'=x` therefore reads as `=x`.)
 */
const FORMULA_AFTER_QUOTES = /^'*[=+\-@\t\r]/;

/**
 * `title <url>` or a bare URL. An http(s) URL may itself hold `<` or `>` (`?q=a>b`), so the URL is
 * the first `<http…` whose rest, up to the closing `>`, has no space; then any bracketed text, so
 * that `Spec <ftp://…>` reaches the validator as that URL and is refused as one.
 */
function parseSource(item: string): SourceRef {
  if (/^https?:\/\/\S*$/i.test(item)) return { url: item };
  const match = /^([\s\S]*?)\s*<(https?:\/\/\S*)>$/i.exec(item) ?? /^([\s\S]*?)\s*<([^<>]*)>$/.exec(item);
  if (!match) return { url: item };
  const title = match[1]?.trim() ?? '';
  const url = match[2]?.trim() ?? '';
  return title ? { title, url } : { url };
}

function formatSource(source: SourceRef): string {
  return source.title === undefined ? source.url : `${source.title} <${source.url}>`;
}

/** The delimiter the header row uses: a comma unless it has more semicolons or tabs (some locales). */
function headerDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  const count = (ch: string) => firstLine.split(ch).length - 1;
  const candidates = [',', ';', '\t'];
  return candidates.reduce((best, ch) => (count(ch) > count(best) ? ch : best), ',');
}

/** Counts line breaks (CRLF, LF or a lone CR) forwards, so each row's line costs only its own length. */
class LineCounter {
  private offset = 0;
  private line = 1;
  constructor(private readonly text: string) {}
  lineAt(offset: number): number {
    for (; this.offset < offset && this.offset < this.text.length; this.offset++) {
      const ch = this.text[this.offset];
      if (ch === '\n' || (ch === '\r' && this.text[this.offset + 1] !== '\n')) this.line++;
    }
    return this.line;
  }
}

interface Row {
  cells: string[];
  /** The line the row starts on (a quoted cell may span several). */
  line: number;
}

/** Excel's first line `sep=;`, which names the file's delimiter and is no row of it. */
const SEP_LINE = /^sep=([^\r\n])(?=[\r\n]|$)/i;

/** The rows of the file, or its quoting problems by line. Rows with nothing but blanks are skipped. */
function readRows(source: string): { rows: Row[]; problems: ImportProblem[] } {
  const rows: Row[] = [];
  const problems: ImportProblem[] = [];
  // The `sep=` line is blanked rather than cut, so every later line keeps its number; a blank row
  // is no row (below).
  const sep = SEP_LINE.exec(source);
  const text = sep ? ' '.repeat(sep[0].length) + source.slice(sep[0].length) : source;
  const rowLines = new LineCounter(text);
  const errorLines = new LineCounter(text);
  let rowStart = 0;
  Papa.parse<string[]>(text, {
    delimiter: sep?.[1] ?? headerDelimiter(text),
    step: (result) => {
      const line = rowLines.lineAt(rowStart);
      rowStart = result.meta.cursor;
      for (const error of result.errors) {
        const at = `line ${error.index === undefined ? line : errorLines.lineAt(error.index)}`;
        const said = say('csvQuoting', error.message);
        // papaparse may report one fault more than once.
        if (!problems.some((p) => p.path === at && p.message === said.message))
          problems.push({ path: at, ...said });
      }
      if (result.data.some((value) => value.trim() !== '')) rows.push({ cells: result.data, line });
    },
  });
  return { rows, problems };
}

/** A cell's value: trimmed, with the formula guard's `'` taken off. */
function cellValue(raw: string): string {
  const value = raw.trim();
  return FORMULA_AFTER_QUOTES.test(value) && value.startsWith("'") ? value.slice(1) : value;
}

/**
 * Reads a glossary CSV into a validated pack. The pack's id and name come from the file name;
 * without an `id` column each term's id is made from its name ({@link termIdFromName}), and a
 * `related` or `supersededBy` entry may name a term by its exact text instead of its id. Problems
 * are located as `line 5, column "sources"`.
 */
export function parseGlossaryCsv(text: string, fileName: string): ParsedImport {
  const { rows, problems } = readRows(text.replace(/^\uFEFF/, ''));
  if (problems.length > 0) return { ok: false, errors: problems };
  const [header, ...body] = rows;
  if (!header) {
    return {
      ok: false,
      errors: [{ path: 'line 1', ...say('csvEmpty', COLUMNS.join(',')) }],
    };
  }

  const errors: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  /** Each known column's index in the row, and its name as the file writes it. */
  const columns = new Map<Column, { index: number; name: string }>();
  header.cells.forEach((name, index) => {
    const column = COLUMN_BY_KEY.get(headerKey(name));
    const at = `line ${header.line}, column "${name.trim()}"`;
    if (column === undefined) warnings.push({ path: at, ...say('csvUnknownColumn') });
    else if (columns.has(column)) errors.push({ path: at, ...say('csvRepeatedColumn', column) });
    else columns.set(column, { index, name: name.trim() });
  });
  for (const column of REQUIRED_COLUMNS) {
    if (!columns.has(column)) {
      errors.push({
        path: `line ${header.line}`,
        ...say('csvMissingColumn', column, ...REQUIRED_COLUMNS),
      });
    }
  }
  for (const row of body) {
    if (row.cells.length !== header.cells.length) {
      errors.push({
        path: `line ${row.line}`,
        ...say('csvCellCount', String(row.cells.length), String(header.cells.length)),
      });
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  const terms = body.map((row) => readTerm(row, columns));
  settleMadeIds(terms);
  resolveNamesToIds(terms);
  const { id, name } = packIdentityFromFileName(fileName);
  const pack = { format: GLOSSARY_FORMAT, version: GLOSSARY_VERSION, id, name, terms };

  const locate = (path: string): string | undefined => {
    const parts = termPathParts(path);
    const row = parts === undefined ? undefined : body[parts.index];
    if (!parts || !row) return path.startsWith('$') ? fileName : undefined;
    const field = parts.field as Column | undefined;
    // An id made from the term is the term cell's doing; a successor without its column, the status cell's.
    const column =
      field === 'id' && !columns.has('id')
        ? 'term'
        : field === 'supersededBy' && !columns.has('supersededBy')
          ? 'status'
          : field;
    const written = column === undefined ? undefined : columns.get(column)?.name;
    return written === undefined ? `line ${row.line}` : `line ${row.line}, column "${written}"`;
  };
  return validateImported(pack, locate, warnings);
}

/** A term as read from its row; `madeId` when its id was made from its name (no id cell). */
type RawTerm = Record<string, unknown> & { id: string; term: string; madeId?: true };

/**
 * Numbers an id made from a name with a hash in it (see termIdFromName) that another term's id
 * took already (see freeId): two different names share a hash only by chance, which is no
 * mistake of the file's. Names that make the same slug ("Cache", "cache") or are written twice are
 * left to the validator, which reports the clash with its line: most likely one term twice.
 */
function settleMadeIds(terms: RawTerm[]): void {
  const taken = new Set(terms.filter((term) => !term.madeId).map((term) => term.id));
  const names = new Set<string>();
  for (const term of terms) {
    if (term.madeId) {
      const hashed = term.id !== slugify(term.term);
      if (hashed && !names.has(term.term)) term.id = freeId(term.id, taken);
      else taken.add(term.id);
      delete term.madeId;
    }
    names.add(term.term);
  }
}

function readTerm(row: Row, columns: ReadonlyMap<Column, { index: number }>): RawTerm {
  const get = (column: Column): string => {
    const at = columns.get(column);
    return at === undefined ? '' : cellValue(row.cells[at.index] ?? '');
  };
  const term = get('term');
  // An empty term is reported by the validator; its placeholder id keeps it from also clashing.
  const written = get('id');
  const raw: RawTerm = { id: written || (term ? termIdFromName(term) : `row-${row.line}`), term };
  if (!written) raw.madeId = true;
  const aliases = splitList(get('aliases'));
  if (aliases.length > 0) raw.aliases = aliases.map((text) => ({ text }));
  raw.definition = get('definition');
  if (get('category')) raw.category = get('category');
  const related = splitList(get('related'));
  if (related.length > 0) raw.related = related;
  const sources = splitList(get('sources'));
  if (sources.length > 0) raw.sources = sources.map(parseSource);
  const tags = splitList(get('tags'));
  if (tags.length > 0) raw.tags = tags;
  if (get('status')) raw.status = get('status').toLowerCase();
  if (get('supersededBy')) raw.supersededBy = get('supersededBy');
  return raw;
}

/** `related` and `supersededBy` entries that are no id but a term's exact text become its id. */
function resolveNamesToIds(terms: RawTerm[]): void {
  const ids = new Set(terms.map((term) => term.id));
  const idByName = new Map<string, string>();
  for (const term of terms) if (!idByName.has(term.term)) idByName.set(term.term, term.id);
  const resolve = (ref: string) => (ids.has(ref) ? ref : (idByName.get(ref) ?? ref));
  for (const term of terms) {
    if (Array.isArray(term.related)) term.related = term.related.map((ref) => resolve(String(ref)));
    if (typeof term.supersededBy === 'string') term.supersededBy = resolve(term.supersededBy);
  }
}

function cell(value: string): string {
  const inert = FORMULA_AFTER_QUOTES.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}

function list(items: readonly string[] | undefined): string {
  return joinList(items ?? []);
}

/**
 * The pack as CSV with every column, `id` and `status` included so a round trip keeps ids and
 * supersession: UTF-8 with a BOM (so spreadsheets read CJK text), CRLF line ends, RFC 4180 quoting.
 * Alias languages and case flags, and the pack's name, description, language and date, have no
 * column and are left out.
 */
export function exportGlossaryCsv(pack: GlossaryPack): string {
  const lines = [COLUMNS.join(',')];
  for (const term of pack.terms) {
    const values: Record<Column, string> = {
      id: term.id,
      term: term.term,
      aliases: list(term.aliases?.map((alias) => alias.text)),
      definition: term.definition,
      category: term.category ?? '',
      related: list(term.related),
      sources: list(term.sources?.map(formatSource)),
      tags: list(term.tags),
      status: term.status ?? '',
      supersededBy: term.supersededBy ?? '',
    };
    lines.push(COLUMNS.map((column) => cell(values[column])).join(','));
  }
  return `\uFEFF${lines.map((line) => `${line}\r\n`).join('')}`;
}
