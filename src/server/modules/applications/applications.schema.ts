import { z } from 'zod';
import { humanText } from '../../http/schema-helpers.ts';
import { applicationCategories } from './application-categories.ts';

export { applicationCategories };
export const ApplicationCategory = z.enum(applicationCategories, { message: 'catégorie inconnue (messaging, collaboration, human_resources, business ou assistance)' });
export type ApplicationCategory = z.infer<typeof ApplicationCategory>;

export const ApplicationKind = z.enum(['link', 'oidc', 'gateway']);
export type ApplicationKind = z.infer<typeof ApplicationKind>;

export const AccessLevel = z.enum(['password', 'second_factor', 'deny'], { message: 'password, second_factor ou deny' });

/** The most favourites an agent pins: a home page of tiles, not a second catalogue. */
export const MAX_FAVOURITES = 24;

export const ApplicationSlug = z
  .string({ message: 'un identifiant (ex. « messagerie »)' })
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, { message: 'de 2 à 63 lettres minuscules, chiffres ou tirets, sans accent, commençant par une lettre ou un chiffre' });
export const SlugParams = z.object({ slug: ApplicationSlug });

// ---- The agent's catalogue ----

export const CatalogueQuery = z.object({ q: humanText(100).pipe(z.string().trim()).optional() }).strict();
export type CatalogueQuery = z.infer<typeof CatalogueQuery>;

export const CatalogueApp = z.object({
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  category: ApplicationCategory,
  kind: ApplicationKind,
  /** Where the tile leads: the portal checks the rule again there, then sends the browser to the app. */
  openUrl: z.string(),
  favourite: z.boolean(),
  /** Put forward by the agent's own department. */
  featured: z.boolean(),
  /** The app asks for a second factor this session has not proved yet. */
  stepUp: z.boolean(),
});
export type CatalogueApp = z.infer<typeof CatalogueApp>;

export const CatalogueResponse = z
  .object({
    favourites: z.array(CatalogueApp).describe('Les favoris, dans l’ordre choisi par l’agent'),
    categories: z.array(z.object({ category: ApplicationCategory, applications: z.array(CatalogueApp) })),
    total: z.number().int().describe('Nombre d’applications trouvées'),
    maxFavourites: z.number().int(),
  })
  .meta({ id: 'ApplicationCatalogue' });
export type CatalogueResponse = z.infer<typeof CatalogueResponse>;

export const FavouriteOrderBody = z
  .object({
    slugs: z
      .array(ApplicationSlug)
      .max(MAX_FAVOURITES, { message: `au plus ${MAX_FAVOURITES} favoris` })
      .refine((slugs) => new Set(slugs).size === slugs.length, { message: 'une application apparaît deux fois' }),
  })
  .strict()
  .meta({ id: 'FavouriteOrder' });
export type FavouriteOrderBody = z.infer<typeof FavouriteOrderBody>;

// ---- The administrators' registry ----

const https = 'une adresse https://… complète';

export const ApplicationFields = z
  .object({
    name: humanText(80).pipe(z.string().trim().min(2, { message: 'au moins 2 caractères' })),
    description: humanText(300).pipe(z.string().trim()).default(''),
    category: ApplicationCategory,
    launchUrl: z.string({ message: https }).trim().max(2000, { message: 'au plus 2000 caractères' }),
    allowedDepartmentIds: z.array(z.uuid({ message: 'direction inconnue' })).max(200).default([]),
    allowedJobProfileIds: z.array(z.uuid({ message: 'profil métier inconnu' })).max(200).default([]),
    allowedRoles: z.array(z.enum(['manager', 'hr_officer', 'it_support', 'security_officer', 'administrator'], { message: 'rôle inconnu' })).max(5).default([]),
    insideAccess: AccessLevel,
    outsideAccess: AccessLevel,
    featuredDepartmentId: z.uuid({ message: 'direction inconnue' }).nullable().default(null),
    enabled: z.boolean().default(true),
  })
  .strict();
export type ApplicationFields = z.infer<typeof ApplicationFields>;

// Gateway apps are published on the gateway's page, with their upstream; links and SSO apps start here (an SSO
// app then gets its client on the single sign-on page).
export const CreateApplicationBody = ApplicationFields.extend({
  slug: ApplicationSlug,
  kind: z.enum(['link', 'oidc'], { message: 'link ou oidc (une application de la passerelle se publie sur sa page)' }).default('link'),
})
  .strict()
  .meta({ id: 'CreateApplication' });
export type CreateApplicationBody = z.infer<typeof CreateApplicationBody>;
export const UpdateApplicationBody = ApplicationFields.meta({ id: 'UpdateApplication' });

export const AdminApplication = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  category: ApplicationCategory,
  kind: ApplicationKind,
  launchUrl: z.string(),
  allowedDepartmentIds: z.array(z.string()),
  allowedJobProfileIds: z.array(z.string()),
  allowedRoles: z.array(z.string()),
  insideAccess: AccessLevel,
  outsideAccess: AccessLevel,
  featuredDepartmentId: z.string().nullable(),
  enabled: z.boolean(),
  updatedAt: z.string(),
});
export type AdminApplication = z.infer<typeof AdminApplication>;

export const AdminApplicationList = z.object({ items: z.array(AdminApplication) }).meta({ id: 'AdminApplicationList' });
export type AdminApplicationList = z.infer<typeof AdminApplicationList>;

const Choice = z.object({ id: z.string(), code: z.string(), name: z.string() });
export const ApplicationChoices = z
  .object({ departments: z.array(Choice), jobProfiles: z.array(Choice) })
  .meta({ id: 'ApplicationRuleChoices' });
export type ApplicationChoices = z.infer<typeof ApplicationChoices>;
