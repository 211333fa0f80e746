import { z } from 'zod';
import { humanText } from '../../http/schema-helpers.ts';
import { MAX_PASSWORD_LENGTH } from './password-rules.ts';

export const NextStep = z.enum(['done', 'second_factor', 'change_password', 'enrol_second_factor']);
export type NextStep = z.infer<typeof NextStep>;

export const SecondFactorMethod = z.enum(['totp', 'webauthn', 'sms', 'recovery_code']);
export type SecondFactorMethod = z.infer<typeof SecondFactorMethod>;

export const Password = z
  .string()
  .min(1, { message: 'obligatoire' })
  .max(MAX_PASSWORD_LENGTH, { message: `au plus ${MAX_PASSWORD_LENGTH} caractères` });

export const LoginBody = z
  .object({
    identifier: humanText(320).pipe(z.string().trim().min(1, { message: 'obligatoire' })),
    password: Password,
  })
  .strict()
  .meta({ id: 'LoginBody' });
export type LoginBody = z.infer<typeof LoginBody>;

export const SignInStepResponse = z
  .object({
    next: NextStep,
    methods: z.array(SecondFactorMethod).optional(),
  })
  .meta({ id: 'SignInStep' });
export type SignInStepResponse = z.infer<typeof SignInStepResponse>;

export const MeResponse = z
  .object({
    badgeNumber: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string(),
    department: z.object({ code: z.string(), name: z.string() }),
    jobProfile: z.object({ code: z.string(), name: z.string() }),
    jobTitle: z.string(),
    roles: z.array(z.object({ role: z.string(), departmentCode: z.string().nullable() })),
    session: z.object({
      stage: NextStep,
      networkZone: z.enum(['internal', 'external']),
      secondFactorUsed: z.boolean(),
      idleExpiresAt: z.string(),
      expiresAt: z.string(),
      idleTimeoutSeconds: z.number().int(),
      methods: z.array(SecondFactorMethod).optional().describe('Les méthodes proposées quand l’étape est second_factor'),
    }),
    password: z.object({
      expiresAt: z.string().nullable(),
      expiresSoon: z.boolean(),
    }),
  })
  .meta({ id: 'Me' });
export type MeResponse = z.infer<typeof MeResponse>;
