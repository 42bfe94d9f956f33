import fc from 'fast-check';
import { hostileString, type IdSource, type JsonSchema, validString } from './fuzz-values';

/**
 * fast-check arbitraries built from a route's JSON schema (Zod → JSON Schema, as the OpenAPI
 * document shows it). A request is either valid throughout, or valid but for exactly one hostile
 * value somewhere in it, so that it gets past the other fields and reaches the use-case and the
 * database with that one value: a NUL byte, an over-long or odd string, a wrong type, an
 * out-of-range number, an over-long list, a missing or unknown field.
 */

export type { IdSource, JsonSchema } from './fuzz-values';

const MAX_ITEMS = 6;

/** Any JSON value of the wrong shape, for type confusion. */
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.string({ maxLength: 5 }),
  fc.constant([]),
  fc.constant({}),
  // An own `__proto__` key, as a JSON body can carry it (prototype pollution).
  fc.constant(JSON.parse('{"__proto__": {"admin": true}}')),
);

type Walk = { ids: IdSource; depth: number };

function alternativesOf(schema: JsonSchema): JsonSchema[] | undefined {
  const listed = schema.anyOf ?? schema.oneOf;
  if (listed) return listed;
  if (Array.isArray(schema.type) && schema.type.length > 1) {
    return schema.type.map((type) => ({ ...schema, type }));
  }
  return undefined;
}

const typeOf = (schema: JsonSchema): string => [schema.type ?? 'any'].flat()[0] ?? 'any';

function validNumber(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = Math.max(schema.minimum ?? -1e6, -1e6);
  const max = Math.min(schema.maximum ?? 1e6, 1e6);
  return integer
    ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
    : fc.double({ min, max, noNaN: true });
}

function hostileNumber(schema: JsonSchema): fc.Arbitrary<unknown> {
  const min = schema.minimum ?? -1e6;
  const max = schema.maximum ?? 1e6;
  return fc.oneof(
    fc.constantFrom(min - 1, max + 1, 0.5, -1, 2 ** 31, 2 ** 53 + 1, 1e308, -1e308, 5e-324),
    wrongType,
  );
}

/** A value the schema accepts. */
export function validValue(schema: JsonSchema, walk: Walk, name = ''): fc.Arbitrary<unknown> {
  const alternatives = alternativesOf(schema);
  if (alternatives) return fc.oneof(...alternatives.map((s) => validValue(s, walk, name)));
  if (schema.const !== undefined) return fc.constant(schema.const);
  const next = { ...walk, depth: walk.depth + 1 };
  switch (typeOf(schema)) {
    case 'string':
      return validString(schema, name, walk.ids);
    case 'integer':
      return validNumber(schema, true);
    case 'number':
      return validNumber(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const max = Math.min(schema.maxItems ?? MAX_ITEMS, MAX_ITEMS);
      return fc.array(validValue(schema.items ?? {}, next, name), {
        minLength: Math.min(schema.minItems ?? 0, max),
        maxLength: max,
      });
    }
    case 'object':
      return validObject(schema, next);
    default:
      return walk.depth > 3 ? fc.constant(null) : fc.jsonValue({ maxDepth: 2 });
  }
}

function validObject(schema: JsonSchema, walk: Walk): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, value] of Object.entries(properties)) {
    fields[key] = validValue(value, walk, key);
  }
  const known = fc.record(fields, { requiredKeys: schema.required ?? [] });
  if (typeof schema.additionalProperties !== 'object') return known;
  const extra = fc.dictionary(
    fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('subjective', 'plan', 'homework')),
    validValue(schema.additionalProperties, walk),
    { maxKeys: 4 },
  );
  return fc.tuple(known, extra).map(([k, e]) => ({ ...e, ...k }));
}

/** A value the schema accepts but for exactly one hostile part. */
export function hostileValue(schema: JsonSchema, walk: Walk, name = ''): fc.Arbitrary<unknown> {
  const alternatives = alternativesOf(schema);
  if (alternatives) return fc.oneof(...alternatives.map((s) => hostileValue(s, walk, name)));
  const next = { ...walk, depth: walk.depth + 1 };
  switch (typeOf(schema)) {
    case 'string':
      return fc.oneof(
        { weight: 4, arbitrary: hostileString(schema, name, walk.ids) },
        { weight: 1, arbitrary: wrongType },
      );
    case 'integer':
    case 'number':
      return hostileNumber(schema);
    case 'array': {
      const item = schema.items ?? {};
      const tooMany = (schema.maxItems ?? MAX_ITEMS * 20) + 1;
      return fc.oneof(
        fc
          .tuple(
            fc.array(validValue(item, next, name), { maxLength: 3 }),
            hostileValue(item, next, name),
          )
          .map(([items, bad]) => [...items, bad]),
        fc.array(validValue(item, next, name), { minLength: tooMany, maxLength: tooMany }),
        wrongType,
      );
    }
    case 'object':
      return hostileObject(schema, next);
    default:
      return wrongType;
  }
}

function hostileObject(schema: JsonSchema, walk: Walk): fc.Arbitrary<unknown> {
  const keys = Object.keys(schema.properties ?? {});
  const base = validObject(schema, walk);
  const options: fc.Arbitrary<unknown>[] = [
    wrongType,
    base.map((o) => ({ ...o, role: 'practice_admin' })),
    base.map((o) => ({ ...o, 'a\u0000': 1 })),
  ];
  if (schema.required?.length) {
    options.push(
      fc
        .tuple(base, fc.constantFrom(...schema.required))
        .map(([o, drop]) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== drop))),
    );
  }
  if (keys.length > 0) {
    const oneBad = fc
      .constantFrom(...keys)
      .chain((key) =>
        fc
          .tuple(base, hostileValue(schema.properties?.[key] ?? {}, walk, key))
          .map(([o, bad]) => ({ ...o, [key]: bad })),
      );
    options.push(oneBad, oneBad, oneBad);
  }
  return fc.oneof(...options);
}

/** Valid `valid` times in four, else with one hostile part (bodies: mostly hostile; ids: mostly real). */
export function arbitraryFor(
  schema: JsonSchema,
  ids: IdSource,
  name = '',
  valid = 1,
): fc.Arbitrary<unknown> {
  const walk = { ids, depth: 0 };
  return fc.oneof(
    { weight: valid, arbitrary: validValue(schema, walk, name) },
    { weight: 4 - valid, arbitrary: hostileValue(schema, walk, name) },
  );
}
