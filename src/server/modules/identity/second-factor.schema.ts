import { z } from 'zod';
import { humanText } from '../../http/schema-helpers.ts';
import { Password, SecondFactorMethod } from './sign-in.schema.ts';

export const SecondFactorBody = z
  .object({
    method: SecondFactorMethod.exclude(['webauthn']),
    code: z.string().trim().min(4, { message: 'code trop court' }).max(20, { message: 'code trop long' }),
  })
  .strict()
  .meta({ id: 'SecondFactorBody' });
export type SecondFactorBody = z.infer<typeof SecondFactorBody>;

// WebAuthn responses are checked by @simplewebauthn/server; here only their outer shape and size.
export const WebauthnResponseBody = z
  .object({ response: z.record(z.string(), z.unknown()), label: humanText(60).optional() })
  .strict()
  .meta({ id: 'WebauthnResponseBody' });
export type WebauthnResponseBody = z.infer<typeof WebauthnResponseBody>;

export const WebauthnOptionsResponse = z.record(z.string(), z.unknown()).meta({ id: 'WebauthnOptions' });

export const ReauthenticateBody = z.object({ password: Password }).strict().meta({ id: 'ReauthenticateBody' });

const EnrolmentCode = z.string().trim().min(8).max(12).optional();
const Label = humanText(60).pipe(z.string().trim().min(1)).optional();

export const StartTotpBody = z.object({ label: Label, enrolmentCode: EnrolmentCode }).strict().meta({ id: 'StartTotpBody' });
export const StartTotpResponse = z
  .object({ factorId: z.string(), secret: z.string(), otpauthUri: z.string(), qrCodeDataUrl: z.string() })
  .meta({ id: 'TotpEnrolment' });

// French mobile numbers (06, 07, +33 6/7) or any E.164 number, stored as E.164.
export const PhoneNumber = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s.\-()]/g, ''))
  .transform((v) => (/^0[67]\d{8}$/.test(v) ? `+33${v.slice(1)}` : v))
  .pipe(z.string().regex(/^\+[1-9]\d{7,14}$/, { message: 'un numéro de mobile (06 12 34 56 78 ou +33 6 12 34 56 78)' }));

export const StartSmsBody = z.object({ phone: PhoneNumber, label: Label, enrolmentCode: EnrolmentCode }).strict().meta({ id: 'StartSmsBody' });
export const StartWebauthnBody = z.object({ enrolmentCode: EnrolmentCode }).strict().meta({ id: 'StartWebauthnBody' });
export const ConfirmCodeBody = z.object({ code: z.string().trim().min(4).max(12) }).strict().meta({ id: 'ConfirmCodeBody' });
export const FactorIdParams = z.object({ id: z.uuid({ message: 'identifiant invalide' }) });

export const EnrolmentResultResponse = z
  .object({ next: z.enum(['done', 'second_factor', 'change_password', 'enrol_second_factor']), recoveryCodes: z.array(z.string()).nullable() })
  .meta({ id: 'EnrolmentResult' });

export const SecondFactorListResponse = z
  .object({
    items: z.array(z.object({ id: z.string(), kind: z.enum(['totp', 'sms', 'webauthn']), label: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() })),
    recoveryCodesLeft: z.number().int(),
    requiredOutside: z.boolean(),
    requiredInside: z.boolean(),
    enrolmentCodeNeeded: z.boolean(),
  })
  .meta({ id: 'SecondFactorList' });

export const RecoveryCodesResponse = z.object({ codes: z.array(z.string()) }).meta({ id: 'RecoveryCodes' });
