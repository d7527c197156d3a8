// The OpenAPI 3.1 document, generated from the route catalogue and the shared zod schemas
// (z.toJSONSchema: OpenAPI 3.1 schemas are JSON Schema 2020-12). Built once per process.
import { z } from 'zod';
import { errorBodySchema } from '../../shared/api/errors.ts';
import { accessText, catalogue, type RouteDoc } from './catalogue.ts';

const toSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });

function operation(route: RouteDoc) {
  const ok = String(route.status ?? 200);
  const content =
    route.response === 'html'
      ? { 'text/html': { schema: { type: 'string' } } }
      : route.response === 'openapi'
        ? { 'application/json': { schema: { type: 'object' } } }
        : { 'application/json': { schema: toSchema(route.response, 'output') } };
  const parameters = [
    ...[...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    })),
    ...Object.entries(route.query?.shape ?? {}).map(([name, schema]) => ({
      name,
      in: 'query',
      required: !(schema as z.ZodType).safeParse(undefined).success,
      schema: toSchema(schema as z.ZodType, 'input'),
    })),
  ];
  const errorResponses = Object.fromEntries(
    route.errors.map((e) => [
      e.slice(0, 3),
      { description: e, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
    ]),
  );
  return {
    summary: route.summary,
    description: `Access: ${accessText[route.access]}.`,
    ...(route.access === 'public' ? { security: [] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: toSchema(route.body, 'input') } },
          },
        }
      : {}),
    responses: { [ok]: { description: 'OK', content }, ...errorResponses },
  };
}

let cached: object | undefined;

export function openApiDocument(): object {
  if (cached) return cached;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of catalogue) {
    paths[route.path] ??= {};
    paths[route.path]![route.method] = operation(route);
  }
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'ICC Clipper sync server',
      version: '1',
      description:
        'City libraries of good practices, stakeholders and snippets for Intercultural Cities coordinators. Sync protocol: shared/sync/README.md.',
    },
    components: {
      securitySchemes: {
        token: { type: 'http', scheme: 'bearer', description: 'personal access token (icc_…)' },
      },
      schemas: { Error: toSchema(errorBodySchema, 'output') },
    },
    security: [{ token: [] }],
    paths,
  };
  return cached;
}
