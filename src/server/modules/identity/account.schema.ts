import { z } from 'zod';
import { DepartmentCode } from '../organisation/index.ts';

const roles = ['manager', 'hr_officer', 'it_support', 'security_officer', 'administrator'] as const;
export const AccountRole = z.enum(roles, { message: `un rôle parmi ${roles.join(', ')}` });
export type AccountRole = z.infer<typeof AccountRole>;

// A role assignment names exactly one scope (department_id, service_id or unit_id), or none: then it covers
// the whole organisation. The security officer and the administrator act for the whole organisation;
// the other roles granted at account creation cover the agent's department.
export const organisationWideRoles: readonly AccountRole[] = ['security_officer', 'administrator'];

export const BadgeNumber = z.string().trim().regex(/^\d{7}$/, { message: 'un matricule de 7 chiffres (ex. 1234567)' });

// NFC so that "é" typed on a Mac and on Windows is the same name, and searches find it.
export const PersonName = z
  .string()
  .transform((name) => name.normalize('NFC').trim().replace(/\s+/g, ' '))
  .pipe(z.string().min(1, { message: 'obligatoire' }).max(100, { message: '100 caractères au plus' }));

export const ProfessionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'une adresse e-mail valide (prenom.nom@ville.fr)' }).max(254, { message: '254 caractères au plus' }));

export const CreateAccountInput = z.object({
  badgeNumber: BadgeNumber,
  email: ProfessionalEmail,
  firstName: PersonName,
  lastName: PersonName,
  departmentCode: DepartmentCode,
  role: AccountRole.optional(),
  /** Defaults to agent administratif. */
  jobProfileCode: z.string().trim().toLowerCase().min(1).optional(),
  managerBadgeNumber: BadgeNumber.optional(),
  /** Defaults to the job profile's name. */
  jobTitle: z.string().trim().min(1).max(200).optional(),
});
export type CreateAccountInput = z.input<typeof CreateAccountInput>;

export type CreatedAccount = {
  badgeNumber: string;
  email: string;
  firstName: string;
  lastName: string;
  departmentCode: string;
  jobProfileCode: string;
  role: AccountRole | null;
  /** Shown once, to be handed to the agent; only its hash is stored. */
  temporaryPassword: string;
};

export type AccountSummary = {
  badgeNumber: string;
  email: string;
  firstName: string;
  lastName: string;
  departmentCode: string;
  jobProfileCode: string;
  jobTitle: string;
  status: string;
  roles: string[];
  passwordTemporary: boolean;
};

export type IssuedTemporaryPassword = { badgeNumber: string; email: string; temporaryPassword: string };
