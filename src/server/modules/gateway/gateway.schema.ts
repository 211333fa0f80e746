import { z } from 'zod';
import { humanText } from '../../http/schema-helpers.ts';
import { AccessLevel, ApplicationCategory, ApplicationSlug } from '../applications/applications.schema.ts';

const MiB = 1024 * 1024;
export const gatewayDefaults = {
  connectTimeoutMs: 5_000,
  totalTimeoutMs: 60_000,
  maxRequestBytes: 10 * MiB,
  maxResponseBytes: 100 * MiB,
} as const;

// Only an address the administrators typed: never one a request could supply.
export const UpstreamUrl = z
  .string({ message: 'une adresse http:// ou https://' })
  .trim()
  .max(2000, { message: 'au plus 2000 caractères' })
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password && !url.hash && !url.search;
      } catch {
        return false;
      }
    },
    { message: 'une adresse http:// ou https:// complète, sans identifiant, paramètre ni ancre (ex. http://10.2.3.4:8080/astreintes/)' },
  );

export const DedicatedHost = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}(:\d{1,5})?$/, { message: 'un nom d’hôte (ex. astreintes.paris.fr)' });

const milliseconds = (min: number, max: number) =>
  z.number({ message: 'un nombre de millisecondes' }).int().min(min, { message: `au moins ${min} ms` }).max(max, { message: `au plus ${max} ms` });
const bytes = (min: number) =>
  z.number({ message: 'un nombre d’octets' }).int().min(min, { message: `au moins ${min} octet(s)` }).max(2_000_000_000, { message: 'au plus 2 000 000 000 octets' });

export const GatewayRouteBody = z
  .object({
    name: humanText(80).pipe(z.string().trim().min(2, { message: 'au moins 2 caractères' })),
    description: humanText(300).pipe(z.string().trim()).default(''),
    category: ApplicationCategory.default('business'),
    upstreamUrl: UpstreamUrl,
    host: DedicatedHost.nullable().default(null),
    allowedDepartmentIds: z.array(z.uuid({ message: 'direction inconnue' })).max(200).default([]),
    allowedJobProfileIds: z.array(z.uuid({ message: 'profil métier inconnu' })).max(200).default([]),
    allowedRoles: z.array(z.enum(['manager', 'hr_officer', 'it_support', 'security_officer', 'administrator'], { message: 'rôle inconnu' })).max(5).default([]),
    insideAccess: AccessLevel.default('password'),
    outsideAccess: AccessLevel.default('second_factor'),
    connectTimeoutMs: milliseconds(100, 60_000).default(gatewayDefaults.connectTimeoutMs),
    totalTimeoutMs: milliseconds(1_000, 3_600_000).default(gatewayDefaults.totalTimeoutMs),
    maxRequestBytes: bytes(0).default(gatewayDefaults.maxRequestBytes),
    maxResponseBytes: bytes(1).default(gatewayDefaults.maxResponseBytes),
    websocket: z.boolean().default(false),
    passAuthorization: z.boolean().default(false),
  })
  .strict();
export type GatewayRouteBody = z.infer<typeof GatewayRouteBody>;

export const CreateGatewayRouteBody = GatewayRouteBody.extend({ slug: ApplicationSlug }).strict().meta({ id: 'CreateGatewayRoute' });
export type CreateGatewayRouteBody = z.infer<typeof CreateGatewayRouteBody>;
export const UpdateGatewayRouteBody = GatewayRouteBody.meta({ id: 'UpdateGatewayRoute' });

export const GatewayRouteStatusBody = z.object({ enabled: z.boolean() }).strict().meta({ id: 'GatewayRouteStatus' });

export const GatewayRouteIdParams = z.object({ id: z.uuid({ message: 'identifiant invalide' }) });

export const GatewayRoute = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    category: ApplicationCategory,
    /** Where agents open it on the portal. */
    publicPath: z.string(),
    upstreamUrl: z.string(),
    host: z.string().nullable(),
    allowedDepartmentIds: z.array(z.string()),
    allowedJobProfileIds: z.array(z.string()),
    allowedRoles: z.array(z.string()),
    insideAccess: AccessLevel,
    outsideAccess: AccessLevel,
    connectTimeoutMs: z.number().int(),
    totalTimeoutMs: z.number().int(),
    maxRequestBytes: z.number().int(),
    maxResponseBytes: z.number().int(),
    websocket: z.boolean(),
    passAuthorization: z.boolean(),
    enabled: z.boolean(),
    updatedAt: z.string(),
  })
  .meta({ id: 'GatewayRoute' });
export type GatewayRoute = z.infer<typeof GatewayRoute>;

export const GatewayRouteList = z.object({ items: z.array(GatewayRoute) }).meta({ id: 'GatewayRouteList' });
export type GatewayRouteList = z.infer<typeof GatewayRouteList>;

export const SigningSecretResponse = z
  .object({ route: GatewayRoute, signingSecret: z.string().describe('À copier dans la configuration de l’application : affiché une seule fois') })
  .meta({ id: 'GatewayRouteWithSecret' });
export type SigningSecretResponse = z.infer<typeof SigningSecretResponse>;

// ---- Step-up: a second factor proved within a session opened with the password alone ----

export const StepUpMethod = z.enum(['totp', 'sms', 'recovery_code', 'webauthn']);
export type StepUpMethod = z.infer<typeof StepUpMethod>;

export const StepUpStateResponse = z
  .object({
    /** The session already holds a second factor: nothing to prove. */
    done: z.boolean(),
    methods: z.array(StepUpMethod).describe('Les méthodes que l’agent a enregistrées'),
  })
  .meta({ id: 'StepUpState' });
export type StepUpStateResponse = z.infer<typeof StepUpStateResponse>;

export const StepUpBody = z
  .object({
    method: z.enum(['totp', 'sms', 'recovery_code']),
    code: z.string().trim().min(4, { message: 'code trop court' }).max(20, { message: 'code trop long' }),
  })
  .strict()
  .meta({ id: 'StepUpBody' });
export type StepUpBody = z.infer<typeof StepUpBody>;

// ---- Forward-auth and the hand-off to an app's own host name ----

export const ForwardAuthQuery = z.object({ app: ApplicationSlug.optional() }).strict();
export const HandoffQuery = z.object({ app: ApplicationSlug, retour: z.string().max(4000).optional() }).strict();
export const CallbackQuery = z.object({ code: z.string().regex(/^[A-Za-z0-9_-]{43}$/) }).strict();
