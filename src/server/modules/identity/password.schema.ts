import { z } from 'zod';
import { humanText } from '../../http/schema-helpers.ts';
import { Password, SecondFactorMethod } from './sign-in.schema.ts';

export const ChangePasswordBody = z.object({ currentPassword: Password, newPassword: Password }).strict().meta({ id: 'ChangePasswordBody' });
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const CheckPasswordBody = z.object({ newPassword: Password }).strict().meta({ id: 'CheckPasswordBody' });
export type CheckPasswordBody = z.infer<typeof CheckPasswordBody>;

export const PasswordRulesResponse = z
  .object({
    rules: z.array(z.object({ rule: z.string(), ok: z.boolean(), message: z.string() })),
    acceptable: z.boolean(),
  })
  .meta({ id: 'PasswordRules' });
export type PasswordRulesResponse = z.infer<typeof PasswordRulesResponse>;

export const ForgotPasswordBody = z
  .object({ identifier: humanText(320).pipe(z.string().trim().min(1, { message: 'obligatoire' })) })
  .strict()
  .meta({ id: 'ForgotPasswordBody' });
export type ForgotPasswordBody = z.infer<typeof ForgotPasswordBody>;

const ResetToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { message: 'lien invalide' });

export const ResetLinkBody = z.object({ token: ResetToken }).strict().meta({ id: 'ResetLinkBody' });
export const ResetLinkResponse = z.object({ secondFactorMethods: z.array(z.string()) }).meta({ id: 'ResetLink' });

export const ResetPasswordBody = z
  .object({
    token: ResetToken,
    newPassword: Password,
    code: z.string().trim().min(4).max(20).optional(),
    method: SecondFactorMethod.exclude(['webauthn']).optional(),
  })
  .strict()
  .meta({ id: 'ResetPasswordBody' });
export type ResetPasswordBody = z.infer<typeof ResetPasswordBody>;
