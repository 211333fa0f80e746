import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupOperationsByTag, type OpenApiDocument } from './openapi.ts';

const document: OpenApiDocument = {
  info: { title: 'API', version: '1.0.0' },
  paths: {
    '/api/portal': {
      get: {
        operationId: 'getPortalInfo',
        summary: 'Nom et logo',
        tags: ['portail'],
        responses: { '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/PortalInfo' } } } } },
      },
    },
    '/api/departments': {
      post: {
        operationId: 'createDepartment',
        tags: ['organisation'],
        parameters: [{ name: 'dryRun', in: 'query' }],
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/CreateDepartment' } } } },
        responses: { '201': { content: { 'application/json': { schema: {} } } }, '409': {} },
      },
      get: { operationId: 'listDepartments', tags: ['organisation'], responses: {} },
    },
    '/healthz': { get: { operationId: 'getHealth', responses: {} } },
  },
};

test('groups operations by topic in alphabetical order, untagged ones last', () => {
  const groups = groupOperationsByTag(document);
  assert.deepEqual(
    groups.map((group) => [group.tag, group.operations.map((operation) => operation.operationId)]),
    [
      ['organisation', ['listDepartments', 'createDepartment']],
      ['portail', ['getPortalInfo']],
      [undefined, ['getHealth']],
    ],
  );
});

test('names the request and response schemas, or says they are inline or absent', () => {
  const [organisation, portal] = groupOperationsByTag(document);
  const create = organisation?.operations[1];
  assert.deepEqual(create?.requestBody, { kind: 'named', name: 'CreateDepartment' });
  assert.deepEqual(create?.responses, [
    { status: '201', schema: { kind: 'inline' } },
    { status: '409', schema: { kind: 'none' } },
  ]);
  assert.deepEqual(create?.parameters, [{ name: 'dryRun', location: 'query', required: false }]);
  assert.deepEqual(portal?.operations[0]?.responses, [
    { status: '200', schema: { kind: 'named', name: 'PortalInfo' } },
  ]);
});
