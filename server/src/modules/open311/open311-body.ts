import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseXml } from './open311-format.ts';
import { Params } from './open311-params.ts';
import type { Upload } from './open311-intake.ts';
import { MAX_MEDIA } from './open311-intake.ts';
import { O311Error } from './open311.errors.ts';

/**
 * Request bodies of the Open311 writes, read in an order that costs an unauthenticated caller almost nothing
 * (docs/security.md "Public output", Open311 writes):
 *
 * 1. the api_key in the query string is checked before any byte of the body is read (open311.routes.ts,
 *    preParsing); without one, a declared body over the limit is refused with 403 unread;
 * 2. form, JSON and XML bodies are at most `bodyLimitBytes`; a linear pre-scan refuses deep nesting, too many
 *    keys or elements, entity floods and broken syntax (400) before any real parser runs;
 * 3. the api_key is then picked out cheaply (a form field, a top-level JSON member, the <api_key> element) and
 *    checked (403) before the document is parsed;
 * 4. multipart bodies are streamed: without a key in the query string, the first part must be the api_key
 *    field; no other part is read before it is checked, and each file is capped at `mediaMaxBytes`.
 */
export interface BodyLimits {
  /** form, JSON and XML bodies, and each multipart text field */
  bodyLimitBytes: number;
  /** each uploaded file of a multipart body */
  mediaMaxBytes: number;
}

/** Checks an api_key once per request; `checked` tells whether this request already passed. */
export interface KeyGate {
  checked(req: FastifyRequest): boolean;
  check(req: FastifyRequest, key: string | undefined): Promise<void>;
}

/** Nesting and size caps for structured bodies: a real request is two levels deep with a few dozen fields. */
export const MAX_DEPTH = 8;
export const MAX_MEMBERS = 1000;
const MAX_XML_ENTITIES = 2000;

const malformed = (what: string) => O311Error.badRequest(`malformed ${what} body`);
const tooDeep = () => O311Error.badRequest(`the body is nested more than ${MAX_DEPTH} levels deep`);
const tooMany = () => O311Error.badRequest(`the body has more than ${MAX_MEMBERS} fields`);

function countOf(text: string, ch: string, stopAbove: number): number {
  let n = 0;
  for (let i = text.indexOf(ch); i !== -1 && n <= stopAbove; i = text.indexOf(ch, i + 1)) n += 1;
  return n;
}

/**
 * One linear pass over an XML document: tags balanced, depth and element count capped, no DOCTYPE or other
 * declarations (no entity tricks), few entity references. Attributes are skipped, not interpreted.
 */
export function prescanXml(text: string): void {
  if (countOf(text, '&', MAX_XML_ENTITIES) > MAX_XML_ENTITIES)
    throw O311Error.badRequest(`the body has more than ${MAX_XML_ENTITIES} entity references`);
  const stack: string[] = [];
  let elements = 0;
  let i = text.indexOf('<');
  while (i !== -1) {
    const skipTo = (marker: string, from: number) => {
      const at = text.indexOf(marker, from);
      if (at === -1) throw malformed('XML');
      return at + marker.length - 1;
    };
    let end: number;
    if (text.startsWith('<!--', i)) end = skipTo('-->', i + 4);
    else if (text.startsWith('<![CDATA[', i)) end = skipTo(']]>', i + 9);
    else if (text.startsWith('<?', i)) end = skipTo('?>', i + 2);
    else if (text.startsWith('<!', i)) throw malformed('XML');
    else {
      end = text.indexOf('>', i + 1);
      if (end === -1) throw malformed('XML');
      const tag = text.slice(i + 1, end);
      if (tag.startsWith('/')) {
        if (stack.pop() !== tag.slice(1).trim()) throw malformed('XML');
      } else {
        const name = /^[A-Za-z_][\w.:-]*/.exec(tag)?.[0];
        if (!name) throw malformed('XML');
        if (++elements > MAX_MEMBERS) throw tooMany();
        if (!tag.endsWith('/')) {
          stack.push(name);
          if (stack.length > MAX_DEPTH) throw tooDeep();
        }
      }
    }
    i = text.indexOf('<', end + 1);
  }
  if (stack.length > 0 || elements === 0) throw malformed('XML');
}

/** One linear pass over a JSON text: strings closed, brackets balanced, depth and member count capped. */
export function prescanJson(text: string): void {
  let depth = 0;
  let members = 0;
  let inString = false;
  const closers: string[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      closers.push(c === '{' ? '}' : ']');
      if (++depth > MAX_DEPTH) throw tooDeep();
    } else if (c === '}' || c === ']') {
      if (closers.pop() !== c) throw malformed('JSON');
      depth -= 1;
    } else if ((c === ',' || c === ':') && ++members > 2 * MAX_MEMBERS) throw tooMany();
  }
  if (inString || closers.length > 0) throw malformed('JSON');
}

/** The api_key of a body without parsing it: the first <api_key> element, the first top-level-looking member. */
export function xmlKey(text: string): string | undefined {
  return /<api_key>\s*([^<]{1,200}?)\s*<\/api_key>/.exec(text)?.[1];
}

export function jsonKey(text: string): string | undefined {
  const m = /"api_key"\s*:\s*("(?:[^"\\]|\\.){1,200}")/.exec(text);
  if (!m) return undefined;
  try {
    return JSON.parse(m[1] as string) as string;
  } catch {
    return undefined;
  }
}

/** Form, JSON and XML bodies (multipart is read by readArguments), each: bounded, pre-scanned, key, then parsed. */
export function installBodyParsers(scope: FastifyInstance, limits: BodyLimits, gate: KeyGate): void {
  const opts = { parseAs: 'string' as const, bodyLimit: limits.bodyLimitBytes };
  scope.addContentTypeParser(
    'application/x-www-form-urlencoded',
    opts,
    async (req: FastifyRequest, body: string | Buffer) => {
      const text = String(body);
      if (countOf(text, '&', MAX_MEMBERS) >= MAX_MEMBERS) throw tooMany();
      const form = new URLSearchParams(text);
      await gate.check(req, form.get('api_key') ?? undefined);
      return form;
    },
  );
  scope.addContentTypeParser('application/json', opts, async (req: FastifyRequest, body: string | Buffer) => {
    const text = String(body);
    prescanJson(text);
    await gate.check(req, jsonKey(text));
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw malformed('JSON');
    }
  });
  scope.addContentTypeParser(
    ['text/xml', 'application/xml'],
    opts,
    async (req: FastifyRequest, body: string | Buffer) => {
      const text = String(body);
      prescanXml(text);
      await gate.check(req, xmlKey(text));
      const tree = parseXml(text);
      if (!tree) throw malformed('XML');
      // <request><service_code>..</service_code>..</request>: the root's children are the arguments
      const roots = Object.values(tree);
      return roots.length === 1 && roots[0] && typeof roots[0] === 'object' ? roots[0] : tree;
    },
  );
}

const errCode = (err: unknown) => (typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '');

/**
 * Query and body arguments together, plus uploaded files (multipart `media[]`, FixMyStreet's `photoN`/`file_*`).
 * With `gate`, a multipart body is refused (403) at its first part unless the key was in the query string or is
 * that first part.
 */
export async function readArguments(
  req: FastifyRequest,
  limits: BodyLimits,
  gate?: KeyGate,
): Promise<{ params: Params; files: Upload[] }> {
  const params = Params.from(req.query);
  const files: Upload[] = [];
  if (req.method !== 'POST') return { params, files };
  if (req.isMultipart()) {
    const declared = Number(req.headers['content-length'] ?? 0);
    const tooLarge = () => declared > MAX_MEDIA * limits.mediaMaxBytes + limits.bodyLimitBytes;
    let keyed = !gate || gate.checked(req);
    if (keyed && tooLarge()) throw O311Error.tooLarge('the request is too large');
    const partLimits = {
      fileSize: limits.mediaMaxBytes,
      files: MAX_MEDIA,
      fields: 200,
      parts: 200 + MAX_MEDIA,
      fieldSize: limits.bodyLimitBytes,
    };
    try {
      for await (const part of req.parts({ limits: partLimits })) {
        if (!keyed) {
          const key =
            part.type === 'field' && part.fieldname === 'api_key' && !part.valueTruncated
              ? String(part.value)
              : undefined;
          await gate!.check(req, key);
          keyed = true;
          if (tooLarge()) throw O311Error.tooLarge('the request is too large');
        }
        if (part.type === 'file') files.push({ field: part.fieldname, data: await part.toBuffer() });
        else if (part.valueTruncated) throw O311Error.tooLarge(`${part.fieldname} is too large`);
        else params.add(part.fieldname, part.value);
      }
    } catch (err) {
      if (err instanceof O311Error) throw err;
      const code = errCode(err);
      if (code === 'FST_REQ_FILE_TOO_LARGE')
        throw O311Error.tooLarge(`media larger than ${Math.round(limits.mediaMaxBytes / 1024 / 1024)} MB`);
      if (code === 'FST_FILES_LIMIT') throw O311Error.badRequest(`at most ${MAX_MEDIA} media per request`);
      throw O311Error.badRequest('malformed multipart body');
    }
    // an empty multipart body has no first part: still no key
    if (!keyed) await gate!.check(req, undefined);
    return { params, files };
  }
  const body = req.body;
  if (body instanceof URLSearchParams) for (const [k, v] of body) params.add(k, v);
  else if (body && typeof body === 'object' && !Array.isArray(body))
    for (const [k, v] of Object.entries(body)) params.add(k, v);
  else if (body !== undefined && body !== null && body !== '')
    throw O311Error.badRequest('the body must be form fields, an object or an XML document');
  return { params, files };
}
