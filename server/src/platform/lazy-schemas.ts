import { createRequire } from 'node:module';

/**
 * Fastify compiles every route's validators (Ajv) and response serializers (fast-json-stringify) when the route is
 * registered: with several hundred routes that was about half of the server's start (≈ 1.7 s of CPU) and a large
 * share of its idle memory, for routes most processes never serve. These factories hand Fastify the same compilers
 * it would have used, wrapped so each schema is compiled on its route's first request instead
 * (docs/decisions/0012-footprint-and-logging.md). Validation and serialisation are unchanged: the wrapped function
 * is the one Fastify would have built, called with the same arguments.
 *
 * `compilePending()` compiles everything not compiled yet, so a test can prove that every schema still compiles.
 */

type Validate = ((data: unknown, context?: unknown) => unknown) & { errors?: unknown; schemaEnv?: unknown };
type Serialize = (data: unknown) => string;
interface ValidatorRoute {
  schema: unknown;
  method?: string;
  url?: string;
  httpPart?: string;
  contentType?: string;
}
interface SerializerRoute {
  schema: unknown;
  method?: string;
  url?: string;
  httpStatus?: string;
  contentType?: string;
}
type ValidatorFactory = (externalSchemas: unknown, options: unknown) => (route: ValidatorRoute) => Validate;
type SerializerFactory = (externalSchemas: unknown, options: unknown) => (route: SerializerRoute) => Serialize;

// Fastify's own default compilers, resolved from Fastify's folder so they are the versions it was built with.
const fromFastify = createRequire(createRequire(import.meta.url).resolve('fastify'));
const defaults = () => ({
  validator: (fromFastify('@fastify/ajv-compiler') as () => ValidatorFactory)(),
  serializer: (fromFastify('@fastify/fast-json-stringify-compiler') as () => SerializerFactory)(),
});

/**
 * Fastify lower-cases the property names of a header schema before compiling it, unless the compiler is a custom
 * one, which these wrappers count as. Our header schemas name their headers in lower case already; one that did not
 * would stop matching, so it is refused when the route is registered.
 */
function assertLowerCaseHeaders(route: ValidatorRoute) {
  const props = (route.schema as { properties?: Record<string, unknown> } | null)?.properties ?? {};
  const upper = Object.keys(props).filter((k) => k !== k.toLowerCase());
  if (upper.length)
    throw new Error(
      `${route.method ?? ''} ${route.url ?? ''}: header schema names must be lower case (${upper.join(', ')})`,
    );
}

export function lazySchemaCompilers() {
  const pending = new Set<() => unknown>();
  const base = defaults();

  const buildValidator: ValidatorFactory = (externalSchemas, options) => {
    const compiler = base.validator(externalSchemas, options);
    return (route) => {
      if (route.httpPart === 'headers') assertLowerCaseHeaders(route);
      let compiled: Validate | null = null;
      const compile = () => (compiled ??= compiler(route));
      const validate: Validate = (data, context) => {
        const fn = compile();
        pending.delete(compile);
        try {
          return fn(data, context);
        } finally {
          validate.errors = fn.errors;
        }
      };
      // Fastify passes the parent object to Ajv validators (marked by schemaEnv) so coercion can replace the root value.
      validate.schemaEnv = true;
      pending.add(compile);
      return validate;
    };
  };

  const buildSerializer: SerializerFactory = (externalSchemas, options) => {
    const compiler = base.serializer(externalSchemas, options);
    return (route) => {
      let compiled: Serialize | null = null;
      const compile = () => (compiled ??= compiler(route));
      pending.add(compile);
      return (data) => {
        const fn = compile();
        pending.delete(compile);
        return fn(data);
      };
    };
  };

  return {
    compilersFactory: { buildValidator, buildSerializer },
    /** Compiles every schema not compiled yet; returns how many there were. */
    compilePending(): number {
      const all = [...pending];
      pending.clear();
      for (const compile of all) compile();
      return all.length;
    },
  };
}
