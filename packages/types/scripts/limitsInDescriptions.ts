/**
 * openapi-typescript's JSDoc shows a schema's description and examples but not its maxLength or pattern.
 * This returns a copy of the spec where each string schema's description ends with its limits, so the
 * generated types show them (and change when they change). The spec itself is left as it is.
 * maxLength counts UTF-16 code units (the spec's x-length-unit), which is what String#length counts.
 */
export function limitsInDescriptions<T>(spec: T): T {
  return annotate(structuredClone(spec)) as T;
}

function annotate(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(annotate);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = key.startsWith('x-') ? value : annotate(value);
  const limits = [
    typeof out.maxLength === 'number' ? `Max ${out.maxLength} characters.` : undefined,
    typeof out.pattern === 'string' ? `Pattern: \`${out.pattern}\`.` : undefined,
  ].filter((limit) => limit !== undefined);
  if (out.type === 'string' && limits.length > 0) {
    out.description = [typeof out.description === 'string' ? out.description : '', ...limits]
      .filter((line) => line !== '')
      .join(' ');
  }
  return out;
}
