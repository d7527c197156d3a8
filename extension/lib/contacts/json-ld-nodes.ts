// The objects in a page's JSON-LD blocks (https://www.w3.org/TR/json-ld11/): one object, an array, or an
// `@graph`, with `{ "@id": … }` references resolved to the node they name, so a Person's `worksFor` reads as
// the Organization elsewhere in the graph. A broken block never hides the others.

export type SchemaNode = Record<string, unknown>;

export function isSchemaNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `schema:Person`, `https://schema.org/Person` and `Person` are one type. */
export function typesOf(node: SchemaNode): string[] {
  const raw = node['@type'] ?? node.type;
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/:#]/, ''));
}

function parseBlock(source: string): unknown {
  try {
    return JSON.parse(source.replace(/^\s*(<!\[CDATA\[|<!--)|(\]\]>|-->)\s*$/g, ''));
  } catch {
    return null;
  }
}

/** The top-level nodes of every JSON-LD block (graph members included), references resolved. */
export function readJsonLdNodes(doc: Document): SchemaNode[] {
  const nodes: SchemaNode[] = [];
  const collect = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (isSchemaNode(value)) {
      if (value['@graph'] !== undefined) collect(value['@graph']);
      else nodes.push(value);
    }
  };
  for (const script of Array.from(doc.querySelectorAll('script'))) {
    if (script.getAttribute('type')?.trim().toLowerCase() === 'application/ld+json') {
      collect(parseBlock(script.textContent ?? ''));
    }
  }
  const byId = new Map<string, SchemaNode>();
  for (const node of nodes) if (typeof node['@id'] === 'string') byId.set(node['@id'], node);
  return nodes.map((node) => resolveReferences(node, byId, new Set()));
}

function resolveReferences(
  node: SchemaNode,
  byId: Map<string, SchemaNode>,
  seen: Set<SchemaNode>,
): SchemaNode {
  if (seen.has(node)) return node;
  seen.add(node);
  const resolve = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(resolve);
    if (!isSchemaNode(value)) return value;
    const target =
      typeof value['@id'] === 'string' && Object.keys(value).length === 1
        ? byId.get(value['@id'])
        : undefined;
    return resolveReferences(target ?? value, byId, seen);
  };
  const out: SchemaNode = {};
  for (const [key, value] of Object.entries(node)) out[key] = key === '@id' ? value : resolve(value);
  return out;
}
