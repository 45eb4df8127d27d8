/**
 * JSON Schema (the routes' TypeBox contracts) → fast-check arbitraries: values that satisfy the contract, and the
 * same values mutated at random (a field replaced by junk, a required field dropped, an unknown field added), so a
 * fuzz run reaches both the validator's edges and the handlers behind it.
 */
import fc from 'fast-check';

type Schema = Record<string, unknown>;

const JUNK_STRINGS = [
  '',
  ' ',
  '0',
  '-1',
  'null',
  'undefined',
  'NaN',
  '1e309',
  '[]',
  '{}',
  "' or 1=1 --",
  '"; drop table cases; --',
  '%',
  '_',
  '\\',
  '../../etc/passwd',
  '%2e%2e%2f',
  '<script>alert(1)</script>',
  '\u0000',
  '\ud800',
  '𠮷野家',
  '井盖',
  '垃圾',
  'ＡＢＣ',
  '2024-02-30',
  '2024-13-01T25:61:61Z',
  '9999-12-31T23:59:59.999Z',
  '00000000-0000-0000-0000-000000000000',
  'x'.repeat(300),
];

/** Values of the wrong type or shape, the things a careless or hostile client sends. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, -0, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, [], {}, [null], {
    '': null,
  }),
  fc.constantFrom(...JUNK_STRINGS),
  fc.string({ maxLength: 40, unit: 'binary' }),
  fc.integer(),
  fc.double(),
  fc.anything({ maxDepth: 2, maxKeys: 4 }),
);

const has = (s: Schema, k: string) => Object.prototype.hasOwnProperty.call(s, k);

function stringArb(s: Schema): fc.Arbitrary<string> {
  const minLength = typeof s.minLength === 'number' ? s.minLength : 0;
  const maxLength = typeof s.maxLength === 'number' ? Math.min(s.maxLength, 200) : 60;
  if (typeof s.pattern === 'string') {
    try {
      // No filter on length: a filter that rarely passes never ends; an over-long match is just one more bad value.
      return fc.stringMatching(new RegExp(s.pattern));
    } catch {
      // a pattern fast-check cannot generate from: fall back to plain strings
    }
  }
  switch (s.format) {
    case 'date-time':
      return fc
        .date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString());
    case 'date':
      return fc
        .date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'email':
      return fc.emailAddress();
    case 'uri':
    case 'url':
      return fc.webUrl();
    case 'uuid':
      return fc.uuid();
    default:
      break;
  }
  const words = ['井盖缺失', '占道经营', '垃圾', '金湖大道', '大冶市'].filter(
    (v) => v.length >= minLength && v.length <= maxLength,
  );
  const plain = fc.string({ minLength, maxLength: Math.max(minLength, maxLength) });
  return words.length ? fc.oneof(plain, fc.constantFrom(...words)) : plain;
}

function numberArb(s: Schema, integer: boolean): fc.Arbitrary<number> {
  const min =
    typeof s.minimum === 'number'
      ? s.minimum
      : typeof s.exclusiveMinimum === 'number'
        ? s.exclusiveMinimum + (integer ? 1 : 1e-6)
        : -1e6;
  const max =
    typeof s.maximum === 'number'
      ? s.maximum
      : typeof s.exclusiveMaximum === 'number'
        ? s.exclusiveMaximum - (integer ? 1 : 1e-6)
        : 1e6;
  if (integer)
    return fc.integer({ min: Math.ceil(Math.max(min, -(2 ** 31))), max: Math.floor(Math.min(max, 2 ** 31)) });
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** Values satisfying `schema` (best effort: anything the generator cannot honour is simply a likely-invalid value). */
export function valid(schema: unknown, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || typeof schema !== 'object' || depth > 6) return junk;
  const s = schema as Schema;
  if (has(s, 'const')) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  const union = (s.anyOf ?? s.oneOf) as unknown[] | undefined;
  if (Array.isArray(union) && union.length) return fc.oneof(...union.map((u) => valid(u, depth + 1)));
  if (Array.isArray(s.allOf) && s.allOf.length) return valid(s.allOf[0], depth + 1);
  const type: unknown = Array.isArray(s.type) ? (s.type as unknown[])[0] : s.type;
  switch (type) {
    case 'string':
      return stringArb(s);
    case 'integer':
      return numberArb(s, true);
    case 'number':
      return numberArb(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = typeof s.minItems === 'number' ? s.minItems : 0;
      const maxLength = Math.max(minLength, Math.min(typeof s.maxItems === 'number' ? s.maxItems : 4, 6));
      return fc.array(valid(s.items, depth + 1), { minLength, maxLength });
    }
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, unknown>;
      const required = new Set((s.required ?? []) as string[]);
      const keys = Object.keys(props);
      if (!keys.length) return fc.constant({});
      return fc.record(Object.fromEntries(keys.map((k) => [k, valid(props[k], depth + 1)])), {
        requiredKeys: keys.filter((k) => required.has(k)),
      });
    }
    default:
      return junk;
  }
}

type Path = (string | number)[];

function pathsOf(v: unknown, prefix: Path = [], out: Path[] = [], depth = 0): Path[] {
  if (depth > 4 || v === null || typeof v !== 'object') return out;
  for (const [k, child] of Object.entries(v)) {
    const p = [...prefix, Array.isArray(v) ? Number(k) : k];
    out.push(p);
    pathsOf(child, p, out, depth + 1);
  }
  return out;
}

const DROP = Symbol('drop');

function withChange(v: unknown, path: Path, replacement: unknown): unknown {
  const copy = structuredClone(v) as Record<string | number, unknown>;
  let at = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (replacement === DROP) {
    if (Array.isArray(at)) at.splice(Number(last), 1);
    else delete at[last];
  } else at[last] = replacement;
  return copy;
}

/** A valid value with one random change: a field replaced by junk or dropped, or an unknown field added. */
export function mutated(schema: unknown): fc.Arbitrary<unknown> {
  return valid(schema).chain((v) => {
    const paths = pathsOf(v);
    const extra = fc
      .tuple(fc.string({ minLength: 1, maxLength: 12 }), junk)
      .map(([k, j]) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? { ...v, [k]: j } : j));
    if (!paths.length) return fc.oneof(junk, extra);
    return fc.oneof(
      fc
        .tuple(fc.constantFrom(...paths), fc.oneof(junk, fc.constant<unknown>(DROP)))
        .map(([p, r]) => withChange(v, p, r)),
      extra,
    );
  });
}

/** Mostly contract-shaped values, some mutated, a few pure junk. */
export function fuzzValue(schema: unknown): fc.Arbitrary<unknown> {
  if (!schema) return fc.oneof(fc.constant(undefined), junk);
  return fc.oneof(
    { weight: 4, arbitrary: valid(schema) },
    { weight: 4, arbitrary: mutated(schema) },
    { weight: 1, arbitrary: junk },
  );
}
