/**
 * A small JSON Schema (draft 2020-12) validator for the keywords `z.toJSONSchema` writes: type, enum,
 * const, properties, required, additionalProperties, items, prefixItems, minItems, maxItems, minimum,
 * maximum, exclusiveMinimum, exclusiveMaximum, minLength, pattern, propertyNames, anyOf, oneOf, allOf, $ref (local) and
 * $defs. Unknown keywords throw, so the schema cannot silently use one this validator skips.
 */
type Schema = boolean | Record<string, unknown>;

const KNOWN = new Set([
  '$schema', '$id', '$defs', '$ref', 'title', 'description', 'default', 'examples', 'type', 'enum', 'const',
  'properties', 'required', 'additionalProperties', 'items', 'prefixItems', 'minItems', 'maxItems', 'minimum',
  'maximum', 'propertyNames', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'pattern', 'anyOf', 'oneOf', 'allOf', 'format',
]);

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** Returns the errors (path: problem) of `value` against `root`; empty when it is valid. */
export function validateJsonSchema(root: Schema, value: unknown): string[] {
  const errors: string[] = [];
  const resolve = (ref: string): Schema => {
    if (ref === '#') return root;
    const m = /^#\/\$defs\/([^/]+)$/.exec(ref);
    const defs = typeof root === 'object' ? (root.$defs as Record<string, Schema> | undefined) : undefined;
    if (!m || !defs?.[m[1]!]) throw new Error(`unresolvable $ref ${ref}`);
    return defs[m[1]!]!;
  };
  const check = (schema: Schema, v: unknown, path: string, out: string[]): void => {
    if (schema === true) return;
    if (schema === false) return void out.push(`${path}: not allowed`);
    for (const k of Object.keys(schema)) if (!KNOWN.has(k)) throw new Error(`validator does not know keyword ${k} at ${path}`);
    if (typeof schema.$ref === 'string') check(resolve(schema.$ref), v, path, out);
    const t = typeOf(v);
    if (schema.type !== undefined) {
      const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
      if (!types.some((x) => x === t || (x === 'number' && t === 'integer'))) return void out.push(`${path}: ${t}, expected ${types.join('|')}`);
    }
    if (schema.enum && !(schema.enum as unknown[]).some((e) => e === v)) out.push(`${path}: ${JSON.stringify(v)} not in enum`);
    if ('const' in schema && schema.const !== v) out.push(`${path}: ${JSON.stringify(v)} is not ${JSON.stringify(schema.const)}`);
    if (typeof v === 'number') {
      if (typeof schema.minimum === 'number' && v < schema.minimum) out.push(`${path}: ${v} < ${schema.minimum}`);
      if (typeof schema.maximum === 'number' && v > schema.maximum) out.push(`${path}: ${v} > ${schema.maximum}`);
      if (typeof schema.exclusiveMinimum === 'number' && v <= schema.exclusiveMinimum) out.push(`${path}: ${v} <= ${schema.exclusiveMinimum}`);
      if (typeof schema.exclusiveMaximum === 'number' && v >= schema.exclusiveMaximum) out.push(`${path}: ${v} >= ${schema.exclusiveMaximum}`);
    }
    if (typeof v === 'string') {
      if (typeof schema.minLength === 'number' && v.length < schema.minLength) out.push(`${path}: shorter than ${schema.minLength}`);
      if (typeof schema.maxLength === 'number' && v.length > schema.maxLength) out.push(`${path}: longer than ${schema.maxLength}`);
      if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(v)) out.push(`${path}: does not match ${schema.pattern}`);
    }
    if (Array.isArray(v)) {
      const prefix = (schema.prefixItems as Schema[] | undefined) ?? [];
      prefix.forEach((s, i) => i < v.length && check(s, v[i], `${path}[${i}]`, out));
      if (schema.items !== undefined) for (let i = prefix.length; i < v.length; i++) check(schema.items as Schema, v[i], `${path}[${i}]`, out);
      if (typeof schema.minItems === 'number' && v.length < schema.minItems) out.push(`${path}: fewer than ${schema.minItems} items`);
      if (typeof schema.maxItems === 'number' && v.length > schema.maxItems) out.push(`${path}: more than ${schema.maxItems} items`);
    }
    if (t === 'object') {
      const o = v as Record<string, unknown>;
      const props = (schema.properties as Record<string, Schema> | undefined) ?? {};
      for (const r of (schema.required as string[] | undefined) ?? []) if (!Object.hasOwn(o, r)) out.push(`${path}: missing ${r}`);
      if (schema.propertyNames !== undefined) for (const k of Object.keys(o)) check(schema.propertyNames as Schema, k, `${path}{${k}}`, out);
      for (const [k, val] of Object.entries(o)) {
        if (Object.hasOwn(props, k)) check(props[k]!, val, `${path}.${k}`, out);
        else if (schema.additionalProperties !== undefined) check(schema.additionalProperties as Schema, val, `${path}.${k}`, out);
      }
    }
    const branches = (key: 'anyOf' | 'oneOf' | 'allOf'): number => {
      const list = schema[key] as Schema[];
      return list.filter((s) => {
        const sub: string[] = [];
        check(s, v, path, sub);
        return sub.length === 0;
      }).length;
    };
    if (schema.anyOf && branches('anyOf') === 0) out.push(`${path}: matches no anyOf branch`);
    if (schema.oneOf && branches('oneOf') !== 1) out.push(`${path}: must match exactly one oneOf branch`);
    if (schema.allOf && branches('allOf') !== (schema.allOf as Schema[]).length) out.push(`${path}: fails an allOf branch`);
  };
  check(root, value, '$', errors);
  return errors;
}
