// The parts of an OpenAPI 3.1 document this page reads; everything else is ignored.
type SchemaObject = { $ref?: string };
type MediaTypes = Record<string, { schema?: SchemaObject }>;
type ParameterObject = { name: string; in: string; required?: boolean };
type OperationObject = {
  operationId?: string;
  summary?: string;
  tags?: string[];
  parameters?: ParameterObject[];
  requestBody?: { content?: MediaTypes };
  responses?: Record<string, { content?: MediaTypes }>;
};

export type OpenApiDocument = {
  info: { title: string; version: string };
  paths?: Record<string, Partial<Record<string, OperationObject>>>;
};

export type SchemaName = { kind: 'named'; name: string } | { kind: 'inline' } | { kind: 'none' };

export type Operation = {
  method: string;
  path: string;
  operationId: string;
  summary: string;
  parameters: { name: string; location: string; required: boolean }[];
  requestBody: SchemaName;
  responses: { status: string; schema: SchemaName }[];
};

export type OperationGroup = { tag: string | undefined; operations: Operation[] };

const httpMethods = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

// Groups by first tag, topics in alphabetical order, operations by path then method so the page reads like a table.
export function groupOperationsByTag(document: OpenApiDocument): OperationGroup[] {
  const groups = new Map<string | undefined, Operation[]>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of httpMethods) {
      const operation = item[method];
      if (!operation) continue;
      const tag = operation.tags?.[0];
      const list = groups.get(tag) ?? [];
      list.push(toOperation(method, path, operation));
      groups.set(tag, list);
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => compareTags(a, b))
    .map(([tag, operations]) => ({
      tag,
      operations: operations.sort(
        (a, b) => a.path.localeCompare(b.path) || httpMethods.indexOf(a.method) - httpMethods.indexOf(b.method),
      ),
    }));
}

function toOperation(method: string, path: string, operation: OperationObject): Operation {
  return {
    method,
    path,
    operationId: operation.operationId ?? '',
    summary: operation.summary ?? '',
    parameters: (operation.parameters ?? []).map((parameter) => ({
      name: parameter.name,
      location: parameter.in,
      required: parameter.required === true,
    })),
    requestBody: schemaName(operation.requestBody?.content),
    responses: Object.entries(operation.responses ?? {}).map(([status, response]) => ({
      status,
      schema: schemaName(response.content),
    })),
  };
}

function schemaName(content: MediaTypes | undefined): SchemaName {
  const schema = content?.['application/json']?.schema ?? Object.values(content ?? {})[0]?.schema;
  if (!schema) return { kind: 'none' };
  const name = schema.$ref?.split('/').pop();
  return name ? { kind: 'named', name } : { kind: 'inline' };
}

// Untagged operations come last, under "Other".
function compareTags(a: string | undefined, b: string | undefined): number {
  if (a === undefined) return b === undefined ? 0 : 1;
  if (b === undefined) return -1;
  return a.localeCompare(b, 'fr');
}

// Tags are written in lower case in the document; as titles they take a capital.
export function tagTitle(tag: string): string {
  return tag.charAt(0).toLocaleUpperCase('fr') + tag.slice(1);
}

export function tagAnchor(tag: string | undefined): string {
  const slug = (tag ?? 'autres')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
  return `theme-${slug}`;
}
