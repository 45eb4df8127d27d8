import { O311Error } from './open311.errors.ts';

const MAX_NESTING = 8;

/**
 * The arguments of one Open311 call, whatever carried them: query string, form-urlencoded or multipart fields,
 * a JSON object or an XML document. Repeated names keep every value (FixMyStreet repeats `media_url`, and sends
 * `attribute[CODE][]` for multi-value lists: docs/open311.md "Creating a request", "What FixMyStreet sends"). "An
 * empty parameter must be treated exactly like an absent one" (docs/open311.md "Global rules"): empty values are
 * dropped at the door.
 */
export class Params {
  private readonly values = new Map<string, string[]>();

  add(name: string, value: unknown, depth = 0): void {
    if (value === null || value === undefined) return;
    // bodies are pre-scanned (open311-body.ts); this keeps any other source from recursing without bound
    if (depth > MAX_NESTING)
      throw O311Error.badRequest(`${name.slice(0, 100)}: nested more than ${MAX_NESTING} levels deep`);
    if (Array.isArray(value)) {
      for (const v of value) this.add(name, v, depth + 1);
      return;
    }
    if (typeof value === 'object') {
      // JSON/XML nesting: { attribute: { CODE: v } } is the same as attribute[CODE]=v
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) this.add(`${name}[${k}]`, v, depth + 1);
      return;
    }
    const text = String(value).trim();
    if (text === '') return;
    const list = this.values.get(name);
    if (list) list.push(text);
    else this.values.set(name, [text]);
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  /** The first value, or undefined when absent or empty. */
  one(name: string): string | undefined {
    return this.values.get(name)?.[0];
  }

  all(name: string): string[] {
    return this.values.get(name) ?? [];
  }

  /**
   * A comma list (docs/open311.md "Reading requests": service_request_id, service_code, status), repeated parameters
   * merged.
   */
  commaList(name: string): string[] | undefined {
    const parts = this.all(name)
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter((v) => v !== '');
    return parts.length ? [...new Set(parts)] : undefined;
  }

  /** `attribute[CODE]` and `attribute[CODE][]` → CODE → values. */
  attributes(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const [name, values] of this.values) {
      const m = /^attribute\[([^\]]+)\](?:\[\d*\])?$/.exec(name);
      if (!m) continue;
      const code = m[1] as string;
      out.set(code, [...(out.get(code) ?? []), ...values]);
    }
    return out;
  }

  static from(...sources: unknown[]): Params {
    const p = new Params();
    for (const source of sources) {
      if (source instanceof URLSearchParams) for (const [k, v] of source) p.add(k, v);
      else if (source && typeof source === 'object')
        for (const [k, v] of Object.entries(source as Record<string, unknown>)) p.add(k, v);
    }
    return p;
  }
}

/** An optional number in a range (400 naming the parameter otherwise). */
export function numberParam(p: Params, name: string, min: number, max: number): number | undefined {
  const raw = p.one(name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max)
    throw O311Error.badRequest(`${name} must be a number between ${min} and ${max}`);
  return n;
}

export function intParam(p: Params, name: string, min: number, max: number): number | undefined {
  const n = numberParam(p, name, min, max);
  if (n !== undefined && !Number.isInteger(n)) throw O311Error.badRequest(`${name} must be a whole number`);
  return n;
}

/**
 * A W3C datetime argument. A `+08:00` zone sent unencoded in a query string arrives as a space (`+` means space
 * in query strings): put it back rather than refuse a well-meant request.
 */
export function dateParam(p: Params, name: string): Date | undefined {
  let raw = p.one(name);
  if (raw === undefined) return undefined;
  raw = raw.replace(/(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) (\d{2}:?\d{2})$/, '$1+$2');
  const ok = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/.test(raw);
  const d = new Date(raw);
  if (!ok || Number.isNaN(d.getTime()))
    throw O311Error.badRequest(`${name} must be a W3C datetime such as 2024-03-12T08:00:00+08:00`);
  return d;
}

/** `true`/`TRUE`/`1` (mySociety sends upper case, docs/open311.md "Service request updates"). */
export function boolParam(p: Params, name: string): boolean {
  const v = p.one(name)?.toLowerCase();
  return v === 'true' || v === '1' || v === 'yes';
}
