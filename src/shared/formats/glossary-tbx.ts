/**
 * TBX (TermBase eXchange, ISO 30042) import and export.
 *
 * Reads TBX v3 (`<tbx>`, `<conceptEntry>`, `<langSec>`, `<termSec>`, DCA or DCT style) and
 * TBX-Basic 2008 (`<martif>`, `<termEntry>`, `<langSet>`, `<tig>`, `<ntig>` with `<termGrp>`).
 * One concept entry is one term: the first term in the pack's language (the root's `xml:lang`,
 * else the first language section's) is its name and every other term, in any language, an alias.
 *
 * Writes TBX v3 in the TBX-Basic dialect. What TBX-Basic has a data category for goes there
 * (subject field, definition, term type, administrative status, cross references); the rest of
 * the model goes into `<note>`s that read `termlight:<key>=<value>` and pack-header `<p>`s typed
 * `termlight-…`, so the file stays valid TBX-Basic for other tools and export → import gives the
 * same pack.
 *
 * Parsed with saxes, which never fetches anything and expands only the five XML entities and
 * character references. A DOCTYPE with an internal subset (where entities are declared, as in
 * XXE and "billion laughs" files) is refused; a bare `<!DOCTYPE martif SYSTEM "….dtd">`, which
 * TBX-Basic 2008 files from terminology tools carry, is ignored and its DTD never read.
 */

import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { isAcronymLike } from '../glossary/alias-rules';
import {
  type Alias,
  GLOSSARY_FORMAT,
  GLOSSARY_VERSION,
  type GlossaryPack,
  type Term,
} from '../glossary/model';
import { ProblemError, type Said, say } from '../glossary/problem-words';
import { GLOSSARY_LIMITS } from '../glossary/validate';
import { ID_PATTERN } from '../glossary/validate-rules';
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

/**
 * Bounds on what the reader takes in. Real TBX nests about ten deep (martif, text, body, termEntry,
 * langSet, ntig, termGrp, termNoteGrp, termNote, hi); 200 M characters is the order of the largest
 * file the library imports at all.
 */
export const TBX_LIMITS = {
  depth: 40,
  characters: 200 * 1024 * 1024,
} as const;

/** The language of a pack that names none: BCP 47 "undetermined". */
const UNDETERMINED = 'und';
/**
 * The term lists a `termlight:empty` note may name: a list that is there but empty means what no
 * list means, and TBX has nothing to write for either, but an import gives back what was exported.
 */
const TERM_LISTS = new Set(['aliases', 'related', 'sources', 'tags']);
const NAMESPACE = 'urn:iso:std:iso:30042:ed-2';

// ---------------------------------------------------------------------------------------------
// Reading XML into one small tree per entry

interface XmlElement {
  /** The local name: a prefix (`basic:termType`, a DCT data category) is dropped. */
  name: string;
  prefixed: boolean;
  attributes: Readonly<Record<string, string>>;
  children: XmlNode[];
  line: number;
}
type XmlNode = XmlElement | string;

/** An error with its place in the file, thrown out of the SAX callbacks. */
class TbxError extends ProblemError {
  constructor(
    readonly place: string,
    said: Said,
  ) {
    super(said);
  }
}

const ENTRY_ELEMENTS = new Set(['conceptEntry', 'termEntry']);
const HEADER_ELEMENTS = new Set(['tbxHeader', 'martifHeader']);
const ROOT_ELEMENTS = new Set(['tbx', 'martif']);

function lineColumnAt(text: string, index: number): string {
  const before = text.slice(0, index);
  const line = before.split(/\r\n|\r|\n/).length;
  const column = index - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return `line ${line}, column ${column}`;
}

function saxesProblem(error: Error): Said {
  const message = error.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '');
  return message === 'undefined entity' ? say('xmlEntity') : say('xmlMalformed', message);
}

interface XmlHandlers {
  root(element: XmlElement): void;
  header(element: XmlElement): void;
  entry(element: XmlElement): void;
}

/**
 * Streams the document, handing over the root element (without children), the header and each
 * entry as a small tree; everything else is skipped. Throws a {@link TbxError}.
 */
function readXml(text: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const place = () => `line ${parser.line}, column ${parser.column + 1}`;
  const open: XmlElement[] = [];
  let depth = 0;
  let tagLine = 1;

  parser.on('error', (error) => {
    throw new TbxError(place(), saxesProblem(error));
  });
  parser.on('doctype', (doctype) => {
    // Only an internal subset ([…]) can declare entities; quoted ids may hold any character.
    if (doctype.replace(/"[^"]*"|'[^']*'/g, '').includes('[')) {
      const start = text.lastIndexOf('<!DOCTYPE', parser.position);
      throw new TbxError(start >= 0 ? lineColumnAt(text, start) : place(), say('xmlDtd'));
    }
  });
  parser.on('opentagstart', () => {
    tagLine = parser.line;
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    depth++;
    if (depth > TBX_LIMITS.depth) {
      throw new TbxError(`line ${tagLine}, <${tag.name}>`, say('xmlTooDeep', String(TBX_LIMITS.depth)));
    }
    const colon = tag.name.indexOf(':');
    const element: XmlElement = {
      name: tag.name.slice(colon + 1),
      prefixed: colon >= 0,
      attributes: tag.attributes,
      children: [],
      line: tagLine,
    };
    const parent = open.at(-1);
    if (depth === 1) {
      if (!ROOT_ELEMENTS.has(element.name)) {
        throw new TbxError(`line ${tagLine}`, say('tbxRoot', tag.name));
      }
      handlers.root(element);
    } else if (parent) {
      parent.children.push(element);
      open.push(element);
    } else if (ENTRY_ELEMENTS.has(element.name) || HEADER_ELEMENTS.has(element.name)) {
      open.push(element);
    }
  });
  const addText = (chunk: string) => {
    open.at(-1)?.children.push(chunk);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    depth--;
    const element = open.pop();
    if (!element || open.length > 0) return;
    if (ENTRY_ELEMENTS.has(element.name)) handlers.entry(element);
    else handlers.header(element);
  });
  parser.write(text).close();
}

function textOf(node: XmlNode): string {
  if (typeof node === 'string') return node;
  let text = '';
  for (const child of node.children) text += textOf(child);
  return text;
}

/**
 * An element's text as a field's value: without the line breaks and indentation a pretty-printed
 * file puts around it, unless the element says `xml:space="preserve"` (which the writer sets where
 * a value itself starts or ends with white space, so the round trip stays exact).
 */
function fieldText(element: XmlElement): string {
  const text = textOf(element);
  return element.attributes['xml:space'] === 'preserve' ? text : trimXmlSpace(text);
}

/** `text` without XML's own white space at its ends (a no-break or ideographic space is text). */
function trimXmlSpace(text: string): string {
  return text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
}

/** BCP 47 tags are case-insensitive: `EN-us` in one section and `en-US` on the root are one language. */
function sameLanguage(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Groups whose members count as if they stood in the group's place. */
const TRANSPARENT_GROUPS = new Set(['descripGrp', 'adminGrp', 'termNoteGrp', 'termGrp']);

/** The child elements, with the members of {@link TRANSPARENT_GROUPS} in the group's place. */
function items(element: XmlElement): XmlElement[] {
  const found: XmlElement[] = [];
  for (const child of element.children) {
    if (typeof child === 'string') continue;
    if (TRANSPARENT_GROUPS.has(child.name)) found.push(...items(child));
    else found.push(child);
  }
  return found;
}

const TYPED_ELEMENTS = new Set(['descrip', 'termNote', 'admin', 'ref', 'xref']);

/**
 * The data category an element carries: `<descrip type="definition">` (DCA style) and
 * `<basic:definition>` (DCT style) both give `definition`. A `ref` or `xref` without a type is a
 * cross reference.
 */
function dataCategory(element: XmlElement): string | undefined {
  if (TYPED_ELEMENTS.has(element.name)) {
    const type = element.attributes.type;
    if (type) return type;
    if (element.name === 'ref') return 'crossReference';
    if (element.name === 'xref') return 'externalCrossReference';
    return undefined;
  }
  return element.prefixed ? element.name : undefined;
}

/**
 * Whether an element is a definition: of any case ("Definition"), which some tools write though the
 * data category is `definition`.
 */
function isDefinition(element: XmlElement): boolean {
  return dataCategory(element)?.toLowerCase() === 'definition';
}

/** A `<note>` that reads `termlight:<key>=<value>`: the model's fields TBX-Basic has no category for. */
function termlightNote(element: XmlElement): { key: string; value: string } | undefined {
  if (element.name !== 'note') return undefined;
  const match = /^termlight:(\w+)=([\s\S]*)$/.exec(fieldText(element));
  return match ? { key: match[1] ?? '', value: match[2] ?? '' } : undefined;
}

// ---------------------------------------------------------------------------------------------
// From an entry's tree to a raw term

/** A place in the file for error messages: `line 12, <conceptEntry id="c1">/<term>`. */
interface Place {
  line: number;
  path: string;
}

interface Reference {
  target: string;
  place: Place;
}

interface TermSection {
  lang: string;
  text: string | undefined;
  /** Definitions written in the term section, which TBX-Basic puts a level up but some tools here. */
  definitions: { text: string; place: Place }[];
  termType: string | undefined;
  administrativeStatus: string | undefined;
  notes: Map<string, string>;
  refs: Reference[];
  place: Place;
}

interface LangSection {
  lang: string;
  definitions: { text: string; place: Place }[];
  terms: TermSection[];
  refs: Reference[];
}

/** Everything an entry adds to the pack before ids are settled. */
interface ReadEntry {
  raw: Record<string, unknown>;
  sourceId: string | undefined;
  /** Ids of elements inside the entry (term sections, terms), which references may also name. */
  innerIds: string[];
  related: Reference[];
  successor: Reference | undefined;
  /** The lists a `termlight:empty` note says are there, empty. */
  emptyLists: string[];
  places: TermPlaces;
}

/** Where each field of a term came from, for locating the validator's errors. */
interface TermPlaces {
  entry: Place;
  fields: Map<string, Place>;
  lists: Map<string, Place[]>;
}

function elementLabel(element: XmlElement): string {
  if (element.attributes.id !== undefined) return `<${element.name} id="${element.attributes.id}">`;
  const lang = element.attributes['xml:lang'];
  if (lang !== undefined) return `<${element.name} xml:lang="${lang}">`;
  const type = element.attributes.type;
  return type === undefined ? `<${element.name}>` : `<${element.name} type="${type}">`;
}

function placeOf(element: XmlElement, parentPath: string): Place {
  return { line: element.line, path: `${parentPath}/${elementLabel(element)}` };
}

function placeText(place: Place): string {
  return `line ${place.line}, ${place.path}`;
}

const CURRENT_STATUS = /^(?:preferred|admitted)(?:Term-admn-sts)?$/i;
const SUPERSEDED_STATUS = /^(?:deprecated|superseded)(?:Term-admn-sts)?$/i;
const CASE_SENSITIVE_TERM_TYPES = new Set(['acronym', 'abbreviation']);
const SUBSET_CATEGORIES = new Set(['customerSubset', 'projectSubset']);

/** The lists of one entry, filled in document order from every level. */
class EntryLists {
  readonly sources: { title: string; url: string; place: Place }[] = [];
  readonly tags: { text: string; place: Place }[] = [];
  readonly conceptRefs: Reference[] = [];
  readonly conceptDefinitions: { text: string; place: Place }[] = [];
  readonly innerIds: string[] = [];
  category: { text: string; place: Place } | undefined;

  constructor(readonly warnings: ImportProblem[]) {}

  /** Reads what any level may hold: sources, subsets as tags. True when the element was used. */
  readCommon(element: XmlElement, place: Place): boolean {
    const category = dataCategory(element);
    if (category === 'externalCrossReference') {
      const url = element.attributes.target ?? '';
      if (/^https?:/i.test(url)) this.sources.push({ title: fieldText(element), url, place });
      else this.warnings.push({ path: placeText(place), ...say('tbxNotALink', url) });
      return true;
    }
    if (category !== undefined && SUBSET_CATEGORIES.has(category)) {
      const text = textOf(element).trim();
      if (text && !this.tags.some((tag) => tag.text === text)) this.tags.push({ text, place });
      return true;
    }
    return false;
  }
}

function reference(element: XmlElement, place: Place): Reference | undefined {
  const target = element.attributes.target;
  return dataCategory(element) === 'crossReference' && target ? { target, place } : undefined;
}

function readTermSection(
  element: XmlElement,
  lang: string,
  parentPath: string,
  lists: EntryLists,
): TermSection {
  const place = placeOf(element, parentPath);
  const section: TermSection = {
    lang,
    text: undefined,
    definitions: [],
    termType: undefined,
    administrativeStatus: undefined,
    notes: new Map(),
    refs: [],
    place,
  };
  if (element.attributes.id) lists.innerIds.push(element.attributes.id);
  for (const item of items(element)) {
    const itemPlace = placeOf(item, place.path);
    if (item.name === 'term') {
      if (section.text === undefined) {
        section.text = fieldText(item);
        section.place = itemPlace;
        if (item.attributes.id) lists.innerIds.push(item.attributes.id);
      }
      continue;
    }
    if (lists.readCommon(item, itemPlace)) continue;
    const note = termlightNote(item);
    if (note) {
      section.notes.set(note.key, note.value);
      continue;
    }
    const ref = reference(item, itemPlace);
    if (ref) section.refs.push(ref);
    const category = dataCategory(item);
    if (isDefinition(item)) section.definitions.push({ text: fieldText(item), place: itemPlace });
    if (category === 'termType') section.termType = textOf(item).trim();
    if (category === 'administrativeStatus') section.administrativeStatus = textOf(item).trim();
  }
  return section;
}

/** `en_US` (seen in the wild) as the BCP 47 `en-US`. */
function languageOf(element: XmlElement, inherited: string): string {
  return (element.attributes['xml:lang'] ?? inherited).replace(/_/g, '-');
}

function readLangSection(
  element: XmlElement,
  inheritedLang: string,
  entryPath: string,
  lists: EntryLists,
): LangSection {
  const lang = languageOf(element, inheritedLang);
  const place = placeOf(element, entryPath);
  const section: LangSection = { lang, definitions: [], terms: [], refs: [] };
  if (element.attributes.id) lists.innerIds.push(element.attributes.id);
  for (const item of items(element)) {
    if (item.name === 'termSec' || item.name === 'tig' || item.name === 'ntig') {
      section.terms.push(readTermSection(item, lang, place.path, lists));
      continue;
    }
    const itemPlace = placeOf(item, place.path);
    if (lists.readCommon(item, itemPlace)) continue;
    const ref = reference(item, itemPlace);
    if (ref) section.refs.push(ref);
    if (isDefinition(item)) section.definitions.push({ text: fieldText(item), place: itemPlace });
  }
  // Definitions of the language's term sections come after its own (a langSec's wins).
  for (const term of section.terms) section.definitions.push(...term.definitions);
  return section;
}

function primarySubtag(lang: string): string {
  return lang.toLowerCase().split('-')[0] ?? '';
}

/** The term section that names the concept: the first in the main language, else the first one. */
function mainTermIndex(terms: readonly TermSection[], mainLang: string): number {
  const exact = terms.findIndex((term) => sameLanguage(term.lang, mainLang));
  if (exact >= 0) return exact;
  const close = terms.findIndex((term) => primarySubtag(term.lang) === primarySubtag(mainLang));
  return Math.max(close, 0);
}

/** A `true`/`false` note as a boolean; anything else as written, for the validator to report. */
function flag(value: string | undefined): boolean | string | undefined {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}

/** A guard-list note (JSON, as the writer puts it); anything else as written, for the validator to report. */
function jsonList(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function aliasOf(section: TermSection, mainLang: string): Record<string, unknown> {
  const alias: Record<string, unknown> = { text: section.text };
  // A section in the pack's language gives no lang (the default) unless the note says it was set.
  if (
    section.lang &&
    (!sameLanguage(section.lang, mainLang) || section.notes.get('explicitLang') === 'true')
  ) {
    alias.lang = section.lang;
  }
  const caseSensitive =
    flag(section.notes.get('caseSensitive')) ??
    (section.termType !== undefined && CASE_SENSITIVE_TERM_TYPES.has(section.termType) ? true : undefined);
  if (caseSensitive !== undefined) alias.caseSensitive = caseSensitive;
  const exact = flag(section.notes.get('exact'));
  if (exact !== undefined) alias.exact = exact;
  for (const key of ['notFollowedBy', 'notPrecededBy'] as const) {
    const guards = section.notes.get(key);
    if (guards !== undefined) alias[key] = jsonList(guards);
  }
  const ignoreSegmenter = flag(section.notes.get('ignoreSegmenter'));
  if (ignoreSegmenter !== undefined) alias.ignoreSegmenter = ignoreSegmenter;
  return alias;
}

/** Reads one concept entry; `mainLangFor` gives the pack's language (settled by the first entry that asks). */
function readEntry(
  entry: XmlElement,
  rootLang: string,
  mainLangFor: (sections: LangSection[]) => string,
  warnings: ImportProblem[],
): ReadEntry {
  const entryPlace: Place = { line: entry.line, path: elementLabel(entry) };
  const lists = new EntryLists(warnings);
  const sections: LangSection[] = [];
  const emptyLists: string[] = [];
  for (const item of items(entry)) {
    if (item.name === 'langSec' || item.name === 'langSet') {
      sections.push(readLangSection(item, rootLang, entryPlace.path, lists));
      continue;
    }
    const place = placeOf(item, entryPlace.path);
    if (lists.readCommon(item, place)) continue;
    const note = termlightNote(item);
    if (note?.key === 'tag') lists.tags.push({ text: note.value, place });
    if (note?.key === 'empty' && TERM_LISTS.has(note.value)) emptyLists.push(note.value);
    const ref = reference(item, place);
    if (ref) lists.conceptRefs.push(ref);
    const category = dataCategory(item);
    if (category === 'subjectField' && lists.category === undefined) {
      lists.category = { text: fieldText(item), place };
    }
    if (isDefinition(item)) lists.conceptDefinitions.push({ text: fieldText(item), place });
  }

  const mainLang = mainLangFor(sections);
  const terms = sections.flatMap((section) => section.terms);
  const mainIndex = mainTermIndex(terms, mainLang);
  const main = terms[mainIndex];
  const fields = new Map<string, Place>();
  const listPlaces = new Map<string, Place[]>();
  const raw: Record<string, unknown> = {};

  if (main) {
    raw.term = main.text;
    fields.set('term', main.place);
  }
  const aliasSections = terms.filter((_, i) => i !== mainIndex);
  if (aliasSections.length > 0) {
    raw.aliases = aliasSections.map((section) => aliasOf(section, mainLang));
    listPlaces.set(
      'aliases',
      aliasSections.map((section) => section.place),
    );
  }

  const mainSection = sections.find((section) => main !== undefined && section.terms.includes(main));
  // The definitions of the name's language, else the concept's, else the first language's that has
  // any. A term has one: the others of that same list are said to be left out, not dropped unseen
  // (those of other languages are translations, which the model does not hold).
  const definitions = [
    mainSection?.definitions ?? [],
    lists.conceptDefinitions,
    ...sections.map((section) => section.definitions),
  ].find((list) => list.length > 0);
  const [definition, ...others] = definitions ?? [];
  if (definition) {
    raw.definition = definition.text;
    fields.set('definition', definition.place);
  }
  for (const other of others) warnings.push({ path: placeText(other.place), ...say('tbxExtraDefinition') });
  if (lists.category) {
    raw.category = lists.category.text;
    fields.set('category', lists.category.place);
  }

  const { status, successor, statusPlace } = readStatus(main, warnings);
  if (status !== undefined) raw.status = status;
  if (statusPlace) fields.set('status', statusPlace);
  const related = [
    ...lists.conceptRefs,
    ...sections.flatMap((section) => [...section.refs, ...section.terms.flatMap((term) => term.refs)]),
  ].filter((ref) => ref !== successor);

  if (lists.sources.length > 0) {
    raw.sources = lists.sources.map(({ title, url }) => (title ? { title, url } : { url }));
    listPlaces.set(
      'sources',
      lists.sources.map((source) => source.place),
    );
  }
  if (lists.tags.length > 0) {
    raw.tags = lists.tags.map((tag) => tag.text);
    listPlaces.set(
      'tags',
      lists.tags.map((tag) => tag.place),
    );
  }
  return {
    raw,
    sourceId: entry.attributes.id,
    innerIds: lists.innerIds,
    related,
    successor,
    emptyLists,
    places: { entry: entryPlace, fields, lists: listPlaces },
  };
}

/**
 * The term's status from its name's section: a `termlight:status` note, else the administrative
 * status. A deprecated or superseded term becomes `superseded` when its section names a successor
 * (a cross reference); without one the status is left out, with a warning, since the model
 * requires the successor.
 */
function readStatus(
  main: TermSection | undefined,
  warnings: ImportProblem[],
): { status?: string; successor?: Reference; statusPlace?: Place } {
  if (!main) return {};
  const noted = main.notes.get('status');
  if (noted !== undefined) return { status: noted, statusPlace: main.place };
  const admin = main.administrativeStatus;
  if (admin === undefined) return {};
  if (CURRENT_STATUS.test(admin)) return { status: 'current', statusPlace: main.place };
  if (!SUPERSEDED_STATUS.test(admin)) return {};
  const successor = main.refs[0];
  if (successor) return { status: 'superseded', successor, statusPlace: main.place };
  warnings.push({
    path: placeText(main.place),
    ...say('tbxStatusWithoutSuccessor', admin),
  });
  return {};
}

// ---------------------------------------------------------------------------------------------
// The header

interface HeaderFields {
  title?: { text: string; place: Place };
  id?: { text: string; place: Place };
  updated?: { text: string; place: Place };
  description?: { text: string; place: Place };
  /** Only for a pack whose language is "und" in so many words (see exportGlossaryTbx). */
  language?: { text: string; place: Place };
}

function readHeader(header: XmlElement): HeaderFields {
  const fields: HeaderFields = {};
  const visit = (element: XmlElement, path: string) => {
    const place = placeOf(element, path);
    if (element.name === 'title' && fields.title === undefined)
      fields.title = { text: fieldText(element), place };
    if (element.name === 'p') {
      const value = { text: fieldText(element), place };
      const type = element.attributes.type;
      if (type === 'termlight-id') fields.id = value;
      if (type === 'termlight-updated') fields.updated = value;
      if (type === 'termlight-description') fields.description = value;
      if (type === 'termlight-language') fields.language = value;
    }
    for (const child of element.children) if (typeof child !== 'string') visit(child, place.path);
  };
  visit(header, '');
  return fields;
}

// ---------------------------------------------------------------------------------------------
// The whole file

/** Gives each entry its term id: its own when valid, else one made from it or from the term. */
function settleIds(entries: readonly ReadEntry[]): Map<string, string> {
  const taken = new Set<string>();
  for (const entry of entries) {
    if (entry.sourceId !== undefined && ID_PATTERN.test(entry.sourceId)) taken.add(entry.sourceId);
  }
  const idBySourceId = new Map<string, string>();
  for (const entry of entries) {
    let id = entry.sourceId;
    if (id === undefined || !ID_PATTERN.test(id)) {
      const base =
        (id !== undefined ? slugify(id) : '') ||
        termIdFromName(typeof entry.raw.term === 'string' ? entry.raw.term : '');
      id = freeId(base, taken);
    }
    entry.raw.id = id;
    for (const source of [entry.sourceId, ...entry.innerIds]) {
      if (source !== undefined && !idBySourceId.has(source)) idBySourceId.set(source, id);
    }
  }
  return idBySourceId;
}

/** Points `related` and `supersededBy` at term ids; a reference to no entry of the file is left out. */
function resolveReferences(
  entries: readonly ReadEntry[],
  idBySourceId: ReadonlyMap<string, string>,
  warnings: ImportProblem[],
): void {
  const resolve = (ref: Reference): string | undefined => {
    const id = idBySourceId.get(ref.target);
    if (id === undefined) {
      warnings.push({
        path: placeText(ref.place),
        ...say('tbxUnknownReference', ref.target),
      });
    }
    return id;
  };
  for (const entry of entries) {
    const kept = entry.related.flatMap((ref) => {
      const id = resolve(ref);
      return id === undefined ? [] : [{ id, place: ref.place }];
    });
    if (kept.length > 0) {
      entry.raw.related = kept.map((ref) => ref.id);
      entry.places.lists.set(
        'related',
        kept.map((ref) => ref.place),
      );
    }
    if (entry.successor) {
      const id = resolve(entry.successor);
      if (id === undefined) Reflect.deleteProperty(entry.raw, 'status');
      else {
        entry.raw.supersededBy = id;
        entry.places.fields.set('supersededBy', entry.successor.place);
      }
    }
  }
}

function locator(
  entries: readonly ReadEntry[],
  header: HeaderFields,
  root: Place,
  fileName: string,
): (path: string) => string | undefined {
  const headerPlaces: Record<string, Place | undefined> = {
    $: root,
    '$.id': header.id?.place ?? header.title?.place,
    '$.name': header.title?.place,
    '$.language': header.language?.place ?? root,
    '$.updated': header.updated?.place,
    '$.description': header.description?.place,
  };
  return (path) => {
    const parts = termPathParts(path);
    if (!parts) {
      const place = headerPlaces[path];
      return place ? placeText(place) : path.startsWith('$') ? fileName : undefined;
    }
    const places = entries[parts.index]?.places;
    if (!places) return undefined;
    const field = parts.field;
    const place =
      (field !== undefined && parts.item !== undefined ? places.lists.get(field)?.[parts.item] : undefined) ??
      (field !== undefined ? places.fields.get(field) : undefined) ??
      places.entry;
    return placeText(place);
  };
}

/**
 * Reads a TBX file into a validated pack. The pack's id and name come from the header's
 * `termlight-id` and `<title>`, else from the file name. Problems are located as
 * `line 12, <conceptEntry id="c1">/<langSec xml:lang="en">/<term>`; references to entries the
 * file does not hold are left out with a warning (TBX exports are often a subset of a termbase).
 */
export function parseGlossaryTbx(text: string, fileName: string): ParsedImport {
  if (text.length > TBX_LIMITS.characters) {
    return {
      ok: false,
      errors: [{ path: fileName, ...say('fileTooLong', String(TBX_LIMITS.characters)) }],
    };
  }
  const warnings: ImportProblem[] = [];
  const entries: ReadEntry[] = [];
  let rootLang = '';
  let rootPlace: Place = { line: 1, path: '<tbx>' };
  let mainLang: string | undefined;
  let header: HeaderFields = {};
  const mainLangFor = (sections: LangSection[]): string => {
    // Without a language on the root, the first language section of the file decides.
    mainLang ??= rootLang || sections[0]?.lang;
    return mainLang ?? '';
  };
  try {
    readXml(text.replace(/^\uFEFF/, ''), {
      root(element) {
        rootLang = languageOf(element, '');
        rootPlace = { line: element.line, path: elementLabel(element) };
      },
      header(element) {
        header = readHeader(element);
      },
      entry(element) {
        if (entries.length >= GLOSSARY_LIMITS.terms) {
          throw new TbxError(`line ${element.line}`, say('tbxTooManyEntries', String(GLOSSARY_LIMITS.terms)));
        }
        entries.push(readEntry(element, rootLang, mainLangFor, warnings));
      },
    });
  } catch (error) {
    if (error instanceof TbxError) return { ok: false, errors: [{ path: error.place, ...error.said }] };
    throw error;
  }

  resolveReferences(entries, settleIds(entries), warnings);
  for (const entry of entries) for (const list of entry.emptyLists) entry.raw[list] ??= [];
  const fromFile = packIdentityFromFileName(fileName);
  const title = header.title?.text;
  const language = header.language?.text ?? mainLang ?? rootLang;
  const pack: Record<string, unknown> = {
    format: GLOSSARY_FORMAT,
    version: GLOSSARY_VERSION,
    id: header.id?.text ?? ((title && slugify(title)) || fromFile.id),
    name: title?.trim() ? title : fromFile.name,
    // "und" (undetermined) is what the export writes for a pack without a language; a pack that
    // says "und" itself has a header field as well.
    ...(language && (header.language !== undefined || !sameLanguage(language, UNDETERMINED))
      ? { language }
      : {}),
    ...(header.description ? { description: header.description.text } : {}),
    ...(header.updated ? { updated: header.updated.text } : {}),
    terms: entries.map((entry) => entry.raw),
  };
  return validateImported(pack, locator(entries, header, rootPlace, fileName), warnings);
}

// ---------------------------------------------------------------------------------------------
// Export

/**
 * Characters XML 1.0 cannot carry even as references (C0 controls other than tab, LF and CR;
 * U+FFFE, U+FFFF; unpaired surrogates) become U+FFFD. They have no business in a glossary, and
 * the alternative, XML 1.1, few TBX tools read.
 */
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching the control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Element content; CR is a reference, since a parser turns a literal CR LF into LF. */
function xmlText(value: string): string {
  return value
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** An attribute value; tab and LF are references, since a parser turns literal ones into spaces. */
function xmlAttribute(value: string): string {
  return xmlText(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

function element(indent: number, name: string, attributes: Record<string, string>, text: string): string {
  // A reader trims the ends of a value (see fieldText) unless told they are part of it.
  const spaced = trimXmlSpace(text) !== text ? { 'xml:space': 'preserve' } : {};
  const attrs = Object.entries({ ...attributes, ...spaced })
    .map(([key, value]) => ` ${key}="${xmlAttribute(value)}"`)
    .join('');
  return `${'  '.repeat(indent)}<${name}${attrs}>${xmlText(text)}</${name}>`;
}

function note(indent: number, key: string, value: string): string {
  return element(indent, 'note', {}, `termlight:${key}=${value}`);
}

/** The status of a term's name as TBX-Basic's administrative status; `draft` has none and goes in a note. */
const ADMINISTRATIVE_STATUS: Readonly<Record<string, string>> = {
  current: 'preferredTerm-admn-sts',
  superseded: 'supersededTerm-admn-sts',
};

function aliasSection(alias: Alias, mainLang: string): string[] {
  const lines = ['          <termSec>', element(6, 'term', {}, alias.text)];
  // "acronym" is true of the text as well as a flag; a case-sensitive alias of another shape gets a note.
  const acronym = alias.caseSensitive === true && isAcronymLike(alias.text);
  if (acronym) lines.push(element(6, 'termNote', { type: 'termType' }, 'acronym'));
  if (alias.lang !== undefined && sameLanguage(alias.lang, mainLang))
    lines.push(note(6, 'explicitLang', 'true'));
  if (alias.caseSensitive !== undefined && !acronym)
    lines.push(note(6, 'caseSensitive', String(alias.caseSensitive)));
  if (alias.exact !== undefined) lines.push(note(6, 'exact', String(alias.exact)));
  // TBX has no data category for these: notes, a guard list as JSON (its texts may hold any character).
  if (alias.notFollowedBy !== undefined)
    lines.push(note(6, 'notFollowedBy', JSON.stringify(alias.notFollowedBy)));
  if (alias.notPrecededBy !== undefined)
    lines.push(note(6, 'notPrecededBy', JSON.stringify(alias.notPrecededBy)));
  if (alias.ignoreSegmenter !== undefined)
    lines.push(note(6, 'ignoreSegmenter', String(alias.ignoreSegmenter)));
  lines.push('          </termSec>');
  return lines;
}

function conceptEntry(term: Term, mainLang: string, names: ReadonlyMap<string, string>): string[] {
  const lines = [`      <conceptEntry id="${xmlAttribute(term.id)}">`];
  if (term.category !== undefined) lines.push(element(4, 'descrip', { type: 'subjectField' }, term.category));
  for (const id of term.related ?? []) {
    lines.push(element(4, 'ref', { type: 'crossReference', target: id }, names.get(id) ?? id));
  }
  for (const source of term.sources ?? []) {
    lines.push(
      element(4, 'xref', { type: 'externalCrossReference', target: source.url }, source.title ?? ''),
    );
  }
  for (const tag of term.tags ?? []) lines.push(note(4, 'tag', tag));
  for (const list of TERM_LISTS) {
    const value = term[list as keyof Term];
    if (Array.isArray(value) && value.length === 0) lines.push(note(4, 'empty', list));
  }

  lines.push(`        <langSec xml:lang="${xmlAttribute(mainLang)}">`);
  lines.push(element(5, 'descrip', { type: 'definition' }, term.definition));
  lines.push('          <termSec>', element(6, 'term', {}, term.term));
  const status = term.status === undefined ? undefined : ADMINISTRATIVE_STATUS[term.status];
  if (status !== undefined) lines.push(element(6, 'termNote', { type: 'administrativeStatus' }, status));
  else if (term.status !== undefined) lines.push(note(6, 'status', term.status));
  if (term.supersededBy !== undefined) {
    const target = term.supersededBy;
    lines.push(element(6, 'ref', { type: 'crossReference', target }, names.get(target) ?? target));
  }
  lines.push('          </termSec>');

  // Aliases keep their order: a run in one language is one language section, so a language the
  // list returns to gets a second section rather than being gathered into the first.
  let lang = mainLang;
  for (const alias of term.aliases ?? []) {
    const aliasLang = alias.lang ?? mainLang;
    if (aliasLang !== lang) {
      lines.push('        </langSec>', `        <langSec xml:lang="${xmlAttribute(aliasLang)}">`);
      lang = aliasLang;
    }
    lines.push(...aliasSection(alias, mainLang));
  }
  lines.push('        </langSec>', '      </conceptEntry>');
  return lines;
}

/**
 * The pack as TBX v3, TBX-Basic dialect, DCA style. Reading it back with
 * {@link parseGlossaryTbx} gives the same pack.
 */
export function exportGlossaryTbx(pack: GlossaryPack): string {
  const mainLang = pack.language ?? UNDETERMINED;
  const names = new Map(pack.terms.map((term) => [term.id, term.term]));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<tbx type="TBX-Basic" style="dca" xml:lang="${xmlAttribute(mainLang)}" xmlns="${NAMESPACE}">`,
    '  <tbxHeader>',
    '    <fileDesc>',
    '      <titleStmt>',
    element(4, 'title', {}, pack.name),
    '      </titleStmt>',
    '      <publicationStmt>',
    element(4, 'p', { type: 'termlight-id' }, pack.id),
    ...(pack.updated === undefined ? [] : [element(4, 'p', { type: 'termlight-updated' }, pack.updated)]),
    // The root's "und" stands for no language, so a pack that names "und" says so here too.
    ...(pack.language !== undefined && sameLanguage(pack.language, UNDETERMINED)
      ? [element(4, 'p', { type: 'termlight-language' }, pack.language)]
      : []),
    '      </publicationStmt>',
    '      <sourceDesc>',
    pack.description === undefined
      ? element(4, 'p', {}, 'Exported from Termlight')
      : element(4, 'p', { type: 'termlight-description' }, pack.description),
    '      </sourceDesc>',
    '    </fileDesc>',
    '  </tbxHeader>',
    '  <text>',
    '    <body>',
    ...pack.terms.flatMap((term) => conceptEntry(term, mainLang, names)),
    '    </body>',
    '  </text>',
    '</tbx>',
  ];
  return `${lines.join('\n')}\n`;
}
