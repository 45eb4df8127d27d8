import type { FastifyInstance, FastifyRequest } from 'fastify';
import { invalidField } from './errors.ts';
import { localeFromHeader, translate } from './messages.ts';

/**
 * Control characters in text are refused at the edge with a 400 naming the field (docs/security.md "Storage failures
 * and malformed text"). PostgreSQL cannot store NUL in text at all (a 500 without this check), and the other C0
 * controls have no place in what people type: they only serve to corrupt exports, logs and screens. Free text may
 * keep TAB, LF and CR (descriptions, notes, addresses span lines); path parameters are identifiers and keep none.
 */
// Matching control characters is the point of these patterns.
// eslint-disable-next-line no-control-regex
const TEXT_FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F]/;
// eslint-disable-next-line no-control-regex
const LINE_FORBIDDEN = /[\x00-\x1F]/;

const isPlainContainer = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !ArrayBuffer.isView(v) && !(v instanceof ArrayBuffer);

/** A key as it may appear in a field path: its control characters shown as U+FFFD. */
// eslint-disable-next-line no-control-regex -- control characters are what it replaces
const printable = (key: string) => key.replace(/[\x00-\x1F]/g, '\uFFFD');

/**
 * The path (`body.grants.0.note`) of the first string or object key containing a forbidden character, or null.
 * Walks objects, arrays and URLSearchParams without recursion (a deeply nested body cannot overflow the stack);
 * raw uploads (Buffers) are not text and are not walked.
 */
export function firstControlCharacter(value: unknown, path: string, forbidden: RegExp = TEXT_FORBIDDEN): string | null {
  const stack: [unknown, string][] = [[value, path]];
  while (stack.length > 0) {
    const [node, at] = stack.pop()!;
    if (typeof node === 'string') {
      if (forbidden.test(node)) return at;
      continue;
    }
    if (node instanceof URLSearchParams) {
      for (const [k, v] of node) {
        if (forbidden.test(k)) return `${at}.${printable(k)}`;
        if (forbidden.test(v)) return `${at}.${k}`;
      }
      continue;
    }
    if (!isPlainContainer(node)) continue;
    const entries = Object.entries(node);
    for (let i = entries.length - 1; i >= 0; i -= 1) {
      const [k, v] = entries[i]!;
      if (!Array.isArray(node) && forbidden.test(k)) return `${at}.${printable(k)}`;
      stack.push([v, `${at}.${k}`]);
    }
  }
  return null;
}

function refuse(request: FastifyRequest, field: string): never {
  const locale = localeFromHeader(request.headers['accept-language']);
  throw invalidField(
    field,
    'controlCharacters',
    translate(locale, 'validation.controlCharacters') ?? 'must not contain control characters',
  );
}

interface MultipartPart {
  type?: string;
  fieldname?: string;
  value?: unknown;
  fields?: Record<string, MultipartPart | MultipartPart[] | undefined>;
}
/** The methods @fastify/multipart adds to a request in the scopes that register it. */
interface MultipartMethods {
  isMultipart?: () => boolean;
  parts?: (...args: unknown[]) => AsyncIterable<MultipartPart>;
  file?: (...args: unknown[]) => Promise<MultipartPart | undefined>;
  files?: (...args: unknown[]) => AsyncIterable<MultipartPart>;
}

/**
 * Multipart text fields are read by the handler from the stream, after validation: every way of reading them
 * (@fastify/multipart's parts(), file() and files()) is wrapped for this request so each field is checked as it
 * arrives, whichever module reads it.
 */
function guardMultipart(request: FastifyRequest, methods: MultipartMethods): void {
  const checkPart = (part: MultipartPart | undefined) => {
    if (!part || part.type !== 'field') return;
    const name = String(part.fieldname ?? '');
    if (TEXT_FORBIDDEN.test(name)) refuse(request, `body.${printable(name)}`);
    const bad = firstControlCharacter(part.value, `body.${name}`);
    if (bad) refuse(request, bad);
  };
  const checkFields = (part: MultipartPart | undefined) => {
    for (const field of Object.values(part?.fields ?? {}))
      for (const p of Array.isArray(field) ? field : [field]) checkPart(p);
  };
  const { parts, file, files } = methods;
  if (parts) {
    methods.parts = async function* guardedParts(this: unknown, ...args: unknown[]) {
      for await (const part of parts.apply(this, args)) {
        checkPart(part);
        yield part;
      }
    };
  }
  if (file) {
    methods.file = async function guardedFile(this: unknown, ...args: unknown[]) {
      const part = await file.apply(this, args);
      checkFields(part);
      return part;
    };
  }
  if (files) {
    methods.files = async function* guardedFiles(this: unknown, ...args: unknown[]) {
      for await (const part of files.apply(this, args)) {
        checkFields(part);
        yield part;
      }
    };
  }
}

/** Installs the check for every route: parsed bodies (JSON, forms, XML), query strings, path parameters, multipart. */
export function installControlCharacterGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const bad =
      firstControlCharacter(request.params, 'params', LINE_FORBIDDEN) ??
      firstControlCharacter(request.query, 'query') ??
      firstControlCharacter(request.body, 'body');
    if (bad) refuse(request, bad);
    const methods = request as unknown as MultipartMethods;
    if (typeof methods.isMultipart === 'function' && methods.isMultipart()) guardMultipart(request, methods);
  });
}
