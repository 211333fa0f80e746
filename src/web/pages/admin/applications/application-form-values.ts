import type { AdminApplication, ApplicationCategory, CreateApplicationBody } from '../../../../server/modules/applications/applications.schema.ts';

type Level = AdminApplication['insideAccess'];

export type ApplicationFormValues = {
  /** Chosen when the app is created: a link or an SSO app (gateway apps are published on their own page). */
  kind: 'link' | 'oidc';
  slug: string;
  name: string;
  description: string;
  category: ApplicationCategory | '';
  launchUrl: string;
  allowedDepartmentIds: string[];
  allowedJobProfileIds: string[];
  allowedRoles: string[];
  insideAccess: Level;
  outsideAccess: Level;
  /** '' for none. */
  featuredDepartmentId: string;
  enabled: boolean;
};

export type ApplicationField = keyof ApplicationFormValues;

export const newApplication: ApplicationFormValues = {
  kind: 'link',
  slug: '',
  name: '',
  description: '',
  category: '',
  launchUrl: 'https://',
  allowedDepartmentIds: [],
  allowedJobProfileIds: [],
  allowedRoles: [],
  insideAccess: 'password',
  outsideAccess: 'second_factor',
  featuredDepartmentId: '',
  enabled: true,
};

export function valuesOf(app: AdminApplication): ApplicationFormValues {
  return {
    kind: app.kind === 'oidc' ? 'oidc' : 'link',
    slug: app.slug,
    name: app.name,
    description: app.description,
    category: app.category,
    launchUrl: app.launchUrl,
    allowedDepartmentIds: app.allowedDepartmentIds,
    allowedJobProfileIds: app.allowedJobProfileIds,
    allowedRoles: app.allowedRoles,
    insideAccess: app.insideAccess,
    outsideAccess: app.outsideAccess,
    featuredDepartmentId: app.featuredDepartmentId ?? '',
    enabled: app.enabled,
  };
}

/** The body the API takes; slug and kind only when the app is created (they never change afterwards). */
export function bodyOf(values: ApplicationFormValues, mode: 'create' | 'edit'): Omit<CreateApplicationBody, 'slug' | 'kind'> & Partial<Pick<CreateApplicationBody, 'slug' | 'kind'>> {
  const { slug, kind, featuredDepartmentId, category, ...rest } = values;
  return {
    ...rest,
    ...(mode === 'create' ? { slug: slug.trim(), kind } : {}),
    name: values.name.trim(),
    description: values.description.trim(),
    launchUrl: values.launchUrl.trim(),
    category: category as ApplicationCategory,
    allowedRoles: values.allowedRoles as CreateApplicationBody['allowedRoles'],
    featuredDepartmentId: featuredDepartmentId || null,
  };
}

/** The fields the browser can tell are missing before asking the server. */
export function missingFields(values: ApplicationFormValues, mode: 'create' | 'edit'): ApplicationField[] {
  const missing: ApplicationField[] = [];
  if (mode === 'create' && !values.slug.trim()) missing.push('slug');
  if (!values.name.trim()) missing.push('name');
  if (!values.category) missing.push('category');
  if (!values.launchUrl.trim() || values.launchUrl.trim() === 'https://') missing.push('launchUrl');
  return missing;
}

/** A server's field error names the list ("allowedDepartmentIds"), not the item ("allowedDepartmentIds.2"). */
export function byFormField(errors: Record<string, string>): Partial<Record<ApplicationField, string>> {
  const found: Partial<Record<ApplicationField, string>> = {};
  for (const [field, message] of Object.entries(errors)) {
    const name = field.split('.')[0] as ApplicationField;
    found[name] = found[name] ? `${found[name]} ${message}` : message;
  }
  return found;
}
