import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

// The only file that reads process.env: everything else receives a frozen Config.

const cidr = z.string().refine(isCidr, { message: 'une adresse IP ou un bloc CIDR (ex. 10.0.0.0/8)' });
const cidrList = z
  .string()
  .default('')
  .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean))
  .pipe(z.array(cidr));

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

function positiveInt(what: string, fallback: number) {
  return z.coerce.number({ message: what }).int({ message: what }).min(1, { message: what }).default(fallback);
}

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: z.coerce.number({ message: 'un numéro de port (1-65535)' }).int().min(1).max(65535).default(3000),
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, { message: 'une URL postgres://utilisateur@hôte:port/base' })
        .optional(),
    ),
    DATA_DIR: z.string().min(1).default('./data'),
    PUBLIC_URL: optionalString.pipe(z.url({ message: 'une URL absolue (https://nomades.ville.fr)' }).optional()),
    TRUST_PROXY: cidrList,
    INTERNAL_NETWORKS: cidrList,
    SMTP_URL: optionalString.pipe(
      z.string().regex(/^smtps?:\/\//, { message: 'une URL smtp:// ou smtps://' }).optional(),
    ),
    MAIL_FROM: optionalString,
    ORG_NAME: z.string().trim().min(1).max(120).default('Ville de Paris'),
    ORG_EMAIL_DOMAIN: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, { message: 'un nom de domaine (ex. paris.fr)' })
      .default('paris.example'),
    ORG_LOGO_FILE: optionalString,
    THEME_CSS_FILE: optionalString,
    SECRET_KEY: optionalString.pipe(
      z.string().min(32, { message: 'au moins 32 caractères aléatoires (openssl rand -base64 48)' }).optional(),
    ),
    DEMO_DATA: z.enum(['true', 'false', 'auto']).default('auto'),
    SESSION_IDLE_MINUTES: positiveInt('un nombre de minutes', 30),
    SESSION_ABSOLUTE_HOURS: positiveInt('un nombre d’heures', 10),
    LOCKOUT_THRESHOLD: positiveInt('un nombre d’échecs', 5),
    LOCKOUT_MINUTES: positiveInt('un nombre de minutes', 30),
    IP_THROTTLE_FAILURES: positiveInt('un nombre d’échecs par quart d’heure', 20),
    PASSWORD_MAX_AGE_DAYS: positiveInt('un nombre de jours', 180),
    PASSWORD_MAX_AGE_DAYS_PRIVILEGED: positiveInt('un nombre de jours', 90),
    CONNECTION_HISTORY_RETENTION_DAYS: positiveInt('un nombre de jours', 365),
    PAYSLIP_RETENTION_YEARS: positiveInt('un nombre d’années', 5),
    BUILDING_ACCESS_WEBHOOK_URL: optionalString.pipe(z.url({ message: 'une URL https:// du système de contrôle d’accès aux bâtiments' }).optional()),
    SMS_GATEWAY_URL: optionalString.pipe(z.url({ message: 'une URL https:// de la passerelle SMS' }).optional()),
    SMS_GATEWAY_TOKEN: optionalString,
    SUPPORT_HOURS: z.string().trim().min(1).max(200).default('du lundi au vendredi, de 8 h à 19 h'),
    SUPPORT_PHONE: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 ]{1,22}[0-9]$/, { message: 'un numéro de téléphone : chiffres, espaces, + en tête (ex. 01 42 76 00 00)' })
      .default('01 42 76 00 00'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.SECRET_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['SECRET_KEY'],
        message: 'obligatoire en production: au moins 32 caractères aléatoires (openssl rand -base64 48)',
      });
    }
  });

export type DatabaseConfig =
  | { kind: 'postgres'; url: string }
  | { kind: 'pglite'; dataDir: string | undefined };

export type Config = Readonly<{
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string;
  database: DatabaseConfig;
  dataDir: string;
  trustProxy: readonly string[];
  internalNetworks: readonly string[];
  smtpUrl: string | undefined;
  mailFrom: string;
  org: Readonly<{ name: string; emailDomain: string; logoFile: string | undefined; themeCssFile: string | undefined }>;
  secretKey: string;
  demoData: boolean;
  logLevel: string;
  auth: Readonly<{
    sessionIdleMs: number;
    sessionAbsoluteMs: number;
    lockoutThreshold: number;
    lockoutMs: number;
    ipThrottleFailures: number;
    passwordMaxAgeDays: number;
    passwordMaxAgeDaysPrivileged: number;
    connectionHistoryRetentionDays: number;
  }>;
  sms: Readonly<{ gatewayUrl: string | undefined; gatewayToken: string | undefined }>;
  payslipRetentionYears: number;
  buildingAccessWebhookUrl: string | undefined;
  // Where an agent who is stuck gets help: shown on the status page, announcements and help pages.
  support: Readonly<{ hours: string; phone: string }>;
}>;

export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: string[]) {
    super(`Configuration invalide:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const variable = String(issue.path[0] ?? '?');
        return `${variable}=${JSON.stringify(env[variable] ?? '')} : attendu ${issue.message}`;
      }),
    );
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const demoData = e.DEMO_DATA === 'auto' ? !e.DATABASE_URL : e.DEMO_DATA === 'true';
  // The demo runs on a laptop: unless told otherwise, the loopback is the "office network", so the demo
  // logins sign in with a password as on a city workstation. Production lists its networks explicitly.
  const internalNetworks = env.INTERNAL_NETWORKS === undefined && demoData ? ['127.0.0.0/8', '::1/128'] : e.INTERNAL_NETWORKS;
  const database: DatabaseConfig = e.DATABASE_URL
    ? { kind: 'postgres', url: e.DATABASE_URL }
    : { kind: 'pglite', dataDir: path.join(dataDir, 'pgdata') };
  return Object.freeze({
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    database,
    dataDir,
    trustProxy: Object.freeze(e.TRUST_PROXY),
    internalNetworks: Object.freeze(internalNetworks),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM ?? `${e.ORG_NAME} <ne-pas-repondre@${e.ORG_EMAIL_DOMAIN}>`,
    org: Object.freeze({
      name: e.ORG_NAME,
      emailDomain: e.ORG_EMAIL_DOMAIN,
      logoFile: e.ORG_LOGO_FILE,
      themeCssFile: e.THEME_CSS_FILE,
    }),
    secretKey: e.SECRET_KEY ?? demoSecretKey(dataDir),
    demoData,
    logLevel: e.LOG_LEVEL,
    auth: Object.freeze({
      sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
      sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
      lockoutThreshold: e.LOCKOUT_THRESHOLD,
      lockoutMs: e.LOCKOUT_MINUTES * 60_000,
      ipThrottleFailures: e.IP_THROTTLE_FAILURES,
      passwordMaxAgeDays: e.PASSWORD_MAX_AGE_DAYS,
      passwordMaxAgeDaysPrivileged: e.PASSWORD_MAX_AGE_DAYS_PRIVILEGED,
      connectionHistoryRetentionDays: e.CONNECTION_HISTORY_RETENTION_DAYS,
    }),
    sms: Object.freeze({ gatewayUrl: e.SMS_GATEWAY_URL, gatewayToken: e.SMS_GATEWAY_TOKEN }),
    payslipRetentionYears: e.PAYSLIP_RETENTION_YEARS,
    buildingAccessWebhookUrl: e.BUILDING_ACCESS_WEBHOOK_URL,
    support: Object.freeze({ hours: e.SUPPORT_HOURS, phone: e.SUPPORT_PHONE }),
  });
}

// Outside production a key is generated once and kept beside the embedded database, so restarts keep
// encrypted secrets readable.
function demoSecretKey(dataDir: string): string {
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(48).toString('base64');
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}

function isCidr(value: string): boolean {
  const [address, prefix, ...rest] = value.split('/');
  if (rest.length > 0 || !address) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}
