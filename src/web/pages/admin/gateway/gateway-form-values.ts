import type { ApplicationCategory } from '../../../../server/modules/applications/applications.schema.ts';
import type { CreateGatewayRouteBody, GatewayRoute } from '../../../../server/modules/gateway/gateway.schema.ts';

type Level = GatewayRoute['insideAccess'];

// Times and sizes are typed in seconds and megabytes (what an administrator thinks in); the API counts
// milliseconds and bytes.
export type GatewayFormValues = {
  slug: string;
  name: string;
  description: string;
  category: ApplicationCategory | '';
  upstreamUrl: string;
  host: string;
  allowedDepartmentIds: string[];
  allowedJobProfileIds: string[];
  allowedRoles: string[];
  insideAccess: Level;
  outsideAccess: Level;
  connectTimeout: string;
  totalTimeout: string;
  maxRequest: string;
  maxResponse: string;
  websocket: boolean;
  passAuthorization: boolean;
};

export type GatewayField = keyof GatewayFormValues;

const MB = 1024 * 1024;
const decimal = (value: number) => String(Math.round(value * 100) / 100);

export const newGatewayRoute: GatewayFormValues = {
  slug: '',
  name: '',
  description: '',
  category: 'business',
  upstreamUrl: 'http://',
  host: '',
  allowedDepartmentIds: [],
  allowedJobProfileIds: [],
  allowedRoles: [],
  insideAccess: 'password',
  outsideAccess: 'second_factor',
  connectTimeout: '5',
  totalTimeout: '60',
  maxRequest: '10',
  maxResponse: '100',
  websocket: false,
  passAuthorization: false,
};

export function valuesOf(route: GatewayRoute): GatewayFormValues {
  return {
    slug: route.slug,
    name: route.name,
    description: route.description,
    category: route.category,
    upstreamUrl: route.upstreamUrl,
    host: route.host ?? '',
    allowedDepartmentIds: route.allowedDepartmentIds,
    allowedJobProfileIds: route.allowedJobProfileIds,
    allowedRoles: route.allowedRoles,
    insideAccess: route.insideAccess,
    outsideAccess: route.outsideAccess,
    connectTimeout: decimal(route.connectTimeoutMs / 1000),
    totalTimeout: decimal(route.totalTimeoutMs / 1000),
    maxRequest: decimal(route.maxRequestBytes / MB),
    maxResponse: decimal(route.maxResponseBytes / MB),
    websocket: route.websocket,
    passAuthorization: route.passAuthorization,
  };
}

// "2,5" as a French administrator types it, or "2.5".
const numberOf = (value: string) => (/^\s*\d+([.,]\d+)?\s*$/.test(value) ? Number(value.trim().replace(',', '.')) : Number.NaN);

const numericFields = ['connectTimeout', 'totalTimeout', 'maxRequest', 'maxResponse'] as const;

/** The fields the browser can tell are missing or malformed before asking the server. */
export function fieldProblems(values: GatewayFormValues, mode: 'create' | 'edit'): Array<[GatewayField, 'required' | 'number']> {
  const problems: Array<[GatewayField, 'required' | 'number']> = [];
  if (mode === 'create' && !values.slug.trim()) problems.push(['slug', 'required']);
  if (!values.name.trim()) problems.push(['name', 'required']);
  if (!values.category) problems.push(['category', 'required']);
  if (!values.upstreamUrl.trim() || /^https?:\/\/$/.test(values.upstreamUrl.trim())) problems.push(['upstreamUrl', 'required']);
  for (const field of numericFields) if (Number.isNaN(numberOf(values[field]))) problems.push([field, 'number']);
  return problems;
}

export function bodyOf(values: GatewayFormValues, mode: 'create' | 'edit'): Omit<CreateGatewayRouteBody, 'slug'> & { slug?: string } {
  return {
    ...(mode === 'create' ? { slug: values.slug.trim() } : {}),
    name: values.name.trim(),
    description: values.description.trim(),
    category: values.category as ApplicationCategory,
    upstreamUrl: values.upstreamUrl.trim(),
    host: values.host.trim() || null,
    allowedDepartmentIds: values.allowedDepartmentIds,
    allowedJobProfileIds: values.allowedJobProfileIds,
    allowedRoles: values.allowedRoles as CreateGatewayRouteBody['allowedRoles'],
    insideAccess: values.insideAccess,
    outsideAccess: values.outsideAccess,
    connectTimeoutMs: Math.round(numberOf(values.connectTimeout) * 1000),
    totalTimeoutMs: Math.round(numberOf(values.totalTimeout) * 1000),
    maxRequestBytes: Math.round(numberOf(values.maxRequest) * MB),
    maxResponseBytes: Math.round(numberOf(values.maxResponse) * MB),
    websocket: values.websocket,
    passAuthorization: values.passAuthorization,
  };
}

// The server names the API's fields ("totalTimeoutMs", "allowedDepartmentIds.2"); the form has its own.
const formFieldOf: Record<string, GatewayField> = {
  connectTimeoutMs: 'connectTimeout',
  totalTimeoutMs: 'totalTimeout',
  maxRequestBytes: 'maxRequest',
  maxResponseBytes: 'maxResponse',
};

export function byFormField(errors: Record<string, string>): Partial<Record<GatewayField, string>> {
  const found: Partial<Record<GatewayField, string>> = {};
  for (const [field, message] of Object.entries(errors)) {
    const name = field.split('.')[0] ?? field;
    const formField = formFieldOf[name] ?? (name as GatewayField);
    found[formField] = found[formField] ? `${found[formField]} ${message}` : message;
  }
  return found;
}
