import type * as Fxp from 'fast-xml-parser';
import { lazyRequire } from '../../platform/lazy-require.ts';

/**
 * One document model rendered two ways (docs/open311.md, "Global rules"): XML (mandatory, UTF-8, no namespace) and
 * JSON by the "Spark convention" — a container element that wraps repeated children becomes a JSON array even
 * with one child, and the root wrapper disappears. Documents are built once as `O311Value` with `list(...)` for
 * every container, so the two renderings can never disagree. Absent values (null/undefined) are omitted.
 */
export type O311Value = string | number | boolean | null | undefined | O311List | O311Object;
export interface O311Object {
  readonly [key: string]: O311Value;
}
export class O311List {
  constructor(
    readonly item: string,
    readonly items: readonly O311Value[],
  ) {}
}
export const list = (item: string, items: readonly O311Value[]) => new O311List(item, items);

export interface O311Doc {
  /** the XML root element, e.g. `services`, `service_requests`, `errors`; dropped in JSON */
  root: string;
  body: O311List | O311Object;
}

export const FORMATS = ['xml', 'json'] as const;
export type O311Format = (typeof FORMATS)[number];
export const CONTENT_TYPES: Record<O311Format, string> = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/**
 * `services.json` → { name: 'services', format: 'json' }; an unknown extension has no format (→ 404, docs/open311.md
 * "Conformance checklist" item 3).
 */
export function splitFormat(file: string): { name: string; format: O311Format | null } {
  const dot = file.lastIndexOf('.');
  if (dot <= 0) return { name: file, format: null };
  const ext = file.slice(dot + 1).toLowerCase();
  return {
    name: file.slice(0, dot),
    format: (FORMATS as readonly string[]).includes(ext) ? (ext as O311Format) : null,
  };
}

/**
 * W3C-DTF with seconds and a zone, never milliseconds (docs/open311.md "Global rules": open311-adapter rejects
 * fractions).
 */
const UTC_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

export function w3c(iso: string | null | undefined): string | null {
  if (!iso) return null;
  // Stored instants are already UTC ISO text (docs/decisions/0002-instants-as-iso-text.md): cut the milliseconds without a Date per field.
  if (UTC_ISO.test(iso)) return `${iso.slice(0, 19)}Z`;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// XML 1.0 forbids most control characters even escaped; a description pasted from elsewhere may carry them.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function scalar(v: string | number | boolean): string {
  return typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v).replace(XML_INVALID, '');
}

// Plain loops: a list of 1000 requests walks this tree once per response.
function toJson(v: O311Value): unknown {
  if (v instanceof O311List) {
    const out: unknown[] = [];
    for (const i of v.items) if (i !== null && i !== undefined) out.push(toJson(i));
    return out;
  }
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k in v) {
      const child = v[k];
      if (child !== null && child !== undefined) out[k] = typeof child === 'object' ? toJson(child) : child;
    }
    return out;
  }
  return v;
}

/** fast-xml-parser's builder input: repeated elements as arrays, text as strings. */
function toXmlTree(v: O311Value): unknown {
  if (v instanceof O311List) {
    const items = v.items.filter((i) => i !== null && i !== undefined).map(toXmlTree);
    return items.length ? { [v.item]: items } : '';
  }
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, child] of Object.entries(v)) if (child !== null && child !== undefined) out[k] = toXmlTree(child);
    return out;
  }
  return scalar(v as string | number | boolean);
}

// The XML library is loaded by the first XML request or body: most Open311 clients speak JSON.
const fxp = lazyRequire<typeof Fxp>('fast-xml-parser');
let builder: Fxp.XMLBuilder | undefined;
let parser: Fxp.XMLParser | undefined;
const xmlBuilder = () =>
  (builder ??= new (fxp().XMLBuilder)({
    ignoreAttributes: true,
    format: false,
    suppressEmptyNode: false,
    processEntities: true,
  }));
const xmlParser = () =>
  (parser ??= new (fxp().XMLParser)({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: true,
    processEntities: true,
    htmlEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
  }));

export function render(doc: O311Doc, format: O311Format): string {
  if (format === 'json') return JSON.stringify(toJson(doc.body));
  return `<?xml version="1.0" encoding="utf-8"?>${xmlBuilder().build({ [doc.root]: toXmlTree(doc.body) })}`;
}

/** docs/open311.md "Errors": `errors` → `error{code, description}`; the body code equals the HTTP status. */
export function errorsDoc(status: number, descriptions: readonly string[]): O311Doc {
  return {
    root: 'errors',
    body: list(
      'error',
      descriptions.map((description) => ({ code: String(status), description })),
    ),
  };
}

/**
 * An XML request body as a plain tree (text leaves, repeated elements as arrays). Malformed XML → null (the route
 * answers 400). DOCTYPE declarations are refused outright: no entity tricks reach the parser.
 */
export function parseXml(text: string): Record<string, unknown> | null {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return null;
  if (fxp().XMLValidator.validate(text) !== true) return null;
  const tree = xmlParser().parse(text) as Record<string, unknown>;
  return tree && typeof tree === 'object' ? tree : null;
}
