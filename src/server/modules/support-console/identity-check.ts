import type { FieldError } from '../../http/errors.ts';

// Before removing an agent's second factors, IT support proves the caller is the agent: a caller who only
// knows a password (the usual attacker) must not get the account by phoning support. The mandatory items
// cannot be answered by someone who merely knows the agent's name and badge number.
export const identityCheckItems = [
  {
    key: 'calledBackOnKnownNumber',
    label: 'Agent rappelé sur un numéro déjà connu (téléphone professionnel ou fiche RH), pas sur celui donné pendant l’appel',
    mandatory: true,
  },
  {
    key: 'checkedBadgeNumber',
    label: 'Matricule vérifié sur un document de l’agent (bulletin de paie ou carte professionnelle)',
    mandatory: true,
  },
  {
    key: 'checkedManagerOrHr',
    label: 'Demande confirmée par l’encadrant de l’agent ou par le service RH de sa direction',
    mandatory: true,
  },
  {
    key: 'checkedPersonalDetails',
    label: 'Informations connues de l’agent vérifiées (service, site, date d’arrivée)',
    mandatory: false,
  },
  {
    key: 'seenIdentityDocumentInPerson',
    label: 'Pièce d’identité ou carte professionnelle vue en personne',
    mandatory: false,
  },
] as const;

export type IdentityCheckKey = (typeof identityCheckItems)[number]['key'];
export type IdentityChecklist = Partial<Record<IdentityCheckKey, boolean>>;

// One error per mandatory item not ticked, named after the field so the page can point at each box.
export function missingIdentityChecks(checklist: IdentityChecklist): FieldError[] {
  return identityCheckItems
    .filter((item) => item.mandatory && checklist[item.key] !== true)
    .map((item) => ({ field: `body.checklist.${item.key}`, rule: 'mandatory_check', message: `Vérification obligatoire non faite : ${item.label}.` }));
}

// Every item, ticked or not: the audit trail says what was checked and what was not.
export function completeChecklist(checklist: IdentityChecklist): Record<IdentityCheckKey, boolean> {
  return Object.fromEntries(identityCheckItems.map((item) => [item.key, checklist[item.key] === true])) as Record<IdentityCheckKey, boolean>;
}
