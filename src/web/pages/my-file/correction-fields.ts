import type { CorrectableField, PersonalFileResponse } from '../../../server/modules/personal-file/personal-file.schema.ts';

// The information an agent may ask HR to correct, in the order of the file, and how each is typed.
export const correctableFields: readonly CorrectableField[] = [
  'birthName',
  'usageName',
  'birthDate',
  'birthPlace',
  'nationality',
  'addressLine1',
  'addressLine2',
  'postalCode',
  'city',
  'country',
  'personalPhone',
  'personalEmail',
  'familyStatus',
];

/** Fields that may be emptied (a usual name given up, an address without a second line). */
export const erasableFields: ReadonlySet<CorrectableField> = new Set(['usageName', 'addressLine2']);

export const familyStatusCodes = ['celibataire', 'marie', 'pacse', 'concubinage', 'divorce', 'separe', 'veuf'] as const;

export function currentValueOf(file: PersonalFileResponse, field: CorrectableField): string | null {
  switch (field) {
    case 'birthName':
    case 'usageName':
    case 'birthDate':
    case 'birthPlace':
    case 'nationality':
      return file.civilStatus[field];
    case 'addressLine1':
    case 'addressLine2':
    case 'postalCode':
    case 'city':
    case 'country':
      return file.address[field];
    case 'personalPhone':
    case 'personalEmail':
      return file.contact[field];
    case 'familyStatus':
      return file.family.familyStatus;
  }
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(new Date(`${value}T00:00:00Z`).getTime());
}
