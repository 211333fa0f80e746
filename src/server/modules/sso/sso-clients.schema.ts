import { z } from 'zod';

// An address the provider sends the browser (or a logout token) to: https, or http on the developer's own
// machine; compared exactly, so no fragment and no credentials in it.
export function isAllowedAppAddress(value: string): boolean {
  const url = URL.parse(value);
  if (!url || url.hash || url.username || url.password || value.includes('#')) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && url.hostname === 'localhost';
}

const addressRule = 'une adresse complète en https:// (http:// seulement pour localhost), sans # ni identifiants';

const AppAddress = z
  .string({ message: addressRule })
  .trim()
  .max(2000, { message: '2000 caractères au plus' })
  .refine(isAllowedAppAddress, { message: addressRule });

const AddressList = (max: number) =>
  z
    .array(AppAddress, { message: 'une liste d’adresses' })
    .max(max, { message: `${max} adresses au plus` })
    .refine((list) => new Set(list).size === list.length, { message: 'chaque adresse une seule fois' });

export const CreateSsoClientBody = z
  .object({
    applicationId: z.uuid({ message: 'une application de la liste' }),
    public: z.boolean({ message: 'oui ou non' }).describe('Application sans secret (page web ou appli mobile) : PKCE obligatoire'),
    redirectUris: AddressList(10).refine((list) => list.length > 0, { message: 'au moins une adresse de retour' }),
    postLogoutRedirectUris: AddressList(10).default([]),
    backchannelLogoutUri: AppAddress.nullable().default(null).describe('Adresse où l’application reçoit les jetons de déconnexion'),
  })
  .meta({ id: 'CreateSsoClient' });
export type SsoClientFields = z.output<typeof CreateSsoClientBody>;

export const SsoClientIdParams = z.object({ clientId: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, { message: 'identifiant de client invalide' }) });

const AccessLevel = z.enum(['password', 'second_factor', 'deny']);

export const SsoClientItem = z.object({
  clientId: z.string(),
  applicationId: z.string(),
  applicationName: z.string(),
  enabled: z.boolean(),
  public: z.boolean(),
  redirectUris: z.array(z.string()),
  postLogoutRedirectUris: z.array(z.string()),
  backchannelLogoutUri: z.string().nullable(),
  insideAccess: AccessLevel.describe('Règle de l’application depuis le réseau de la collectivité'),
  outsideAccess: AccessLevel.describe('Règle de l’application depuis l’extérieur'),
  createdAt: z.string(),
  secretRotatedAt: z.string().nullable(),
});
export type SsoClientItem = z.infer<typeof SsoClientItem>;

export const SsoClientListResponse = z
  .object({
    items: z.array(SsoClientItem),
    unregisteredApplications: z.array(z.object({ id: z.string(), name: z.string(), slug: z.string() })).describe('Applications de type OIDC sans client'),
    issuer: z.string().describe('Émetteur OpenID Connect à configurer dans les applications'),
    discoveryUrl: z.string(),
  })
  .meta({ id: 'SsoClientList' });
export type SsoClientListResponse = z.infer<typeof SsoClientListResponse>;

export const SsoClientSecretResponse = z
  .object({
    clientId: z.string(),
    applicationName: z.string(),
    clientSecret: z.string().nullable().describe('Affiché une seule fois ; null pour une application publique'),
  })
  .meta({ id: 'SsoClientSecret' });
export type SsoClientSecretResponse = z.infer<typeof SsoClientSecretResponse>;
