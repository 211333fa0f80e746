import { z } from 'zod';

// Control characters would end up in audit labels and logs: refused, like NUL bytes PostgreSQL cannot store.
export const ScimTokenName = z
  .string({ message: 'un nom (ex. « SIRH Paris »)' })
  .transform((name) => name.normalize('NFC').trim().replace(/\s+/g, ' '))
  .pipe(
    z
      .string()
      .min(1, { message: 'obligatoire' })
      .max(100, { message: '100 caractères au plus' })
      .regex(/^[^\p{Cc}\p{Cf}]*$/u, { message: 'sans caractère de contrôle' }),
  );

export const CreateScimTokenBody = z.object({ name: ScimTokenName }).meta({ id: 'CreateScimToken' });
export type CreateScimTokenBody = z.infer<typeof CreateScimTokenBody>;

export const ScimTokenIdParams = z.object({ id: z.uuid({ message: 'identifiant de jeton invalide' }) });

export const ScimTokenItem = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable().describe('Qui l’a créé (null : en ligne de commande)'),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ScimTokenItem = z.infer<typeof ScimTokenItem>;

export const ScimTokenListResponse = z.object({ items: z.array(ScimTokenItem) }).meta({ id: 'ScimTokenList' });

export const CreatedScimTokenResponse = z
  .object({
    id: z.string(),
    name: z.string(),
    token: z.string().describe('Affiché une seule fois : seule son empreinte est conservée'),
  })
  .meta({ id: 'CreatedScimToken' });
export type CreatedScimToken = z.infer<typeof CreatedScimTokenResponse>;
