import type { Node, OpenApiDocument } from '../api-diff/document';

/**
 * A small API with one of everything the classifier reads: a list operation with query and
 * header parameters, a create operation with a body, a path parameter, `$ref`s, `allOf`, arrays,
 * enums, a nullable field, a recursive schema, response headers and security.
 */
export function base(): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: { title: 'fixture', version: '1' },
    paths: {
      '/things': {
        get: {
          operationId: 'Things_list',
          parameters: [
            { name: 'sort', in: 'query', schema: { type: 'string', enum: ['new', 'old'] } },
            { name: 'limit', in: 'query', schema: { type: 'integer', maximum: 50 } },
            { name: 'X-Trace', in: 'header', schema: { type: 'string' } },
          ],
          responses: {
            '200': {
              description: 'A page',
              headers: { ETag: { schema: { type: 'string' } } },
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      items: { type: 'array', items: { $ref: '#/components/schemas/Thing' } },
                    },
                    required: ['items'],
                  },
                },
              },
            },
            '400': { description: 'Bad request' },
          },
        },
        post: {
          operationId: 'Things_create',
          security: [{ bearer: [] }],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/NewThing' } } },
          },
          responses: {
            '201': {
              description: 'Created',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
            },
          },
        },
      },
      '/things/{id}': {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
        get: {
          operationId: 'Things_get',
          responses: {
            '200': {
              description: 'One',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
            },
          },
        },
      },
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        key: { type: 'apiKey', in: 'header', name: 'K' },
      },
      schemas: {
        Named: {
          type: 'object',
          properties: { name: { type: 'string', maxLength: 80 } },
          required: ['name'],
        },
        Thing: {
          allOf: [{ $ref: '#/components/schemas/Named' }],
          type: 'object',
          properties: {
            id: { type: 'integer' },
            status: { type: 'string', enum: ['draft', 'live'] },
            note: { type: ['string', 'null'] },
            price: { type: 'integer' },
            children: { type: 'array', items: { $ref: '#/components/schemas/Thing' } },
          },
          required: ['id', 'status', 'price'],
        },
        NewThing: {
          type: 'object',
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 80 },
            weight: { type: 'number', maximum: 1000 },
            colour: { type: 'string', enum: ['red', 'blue'] },
            email: { type: 'string' },
          },
          required: ['name'],
        },
      },
    },
  };
}

/** `base()` changed by `edit`. */
export const changed = (edit: (doc: Node) => void): OpenApiDocument => {
  const doc = base();
  edit(doc);
  return doc;
};
export const paths = (doc: Node): Node => doc['paths'];
export const schemas = (doc: Node): Node => doc['components']['schemas'];
export const list = (doc: Node): Node => paths(doc)['/things'].get;
export const create = (doc: Node): Node => paths(doc)['/things'].post;
