import { emailLocalPart } from './email-address.ts';
import type { Gender } from './names.catalogue.ts';
import type { GradeCode, JobProfileCode } from './reference-data.ts';

// A handful of fixed, memorable people of the demo organisation, one per kind of user, who can sign in
// with the shared demo password right away (their password is not temporary).

/** Shared by every demo account; it names no one, so it reveals nothing about whose account it opens. */
export const DEMO_PASSWORD = 'Portail-Nomades-2026!';

export type DemoPersona = {
  /** Where the generator places this person (see demo-organisation.ts for the slot names). */
  slot: string;
  /** What the person shows in the demo, as printed on the banner. */
  label: string;
  firstName: string;
  lastName: string;
  gender: Gender;
  badgeNumber: string;
  jobProfileCode?: JobProfileCode;
  gradeCode?: GradeCode;
  jobTitle?: string;
};

export const demoPersonas: readonly DemoPersona[] = [
  { slot: 'DASCO/ECOLES/0:agent0', label: 'Agent (ASEM, DASCO)', firstName: 'Léa', lastName: 'Moreau', gender: 'f', badgeNumber: '1000001', jobProfileCode: 'asem', gradeCode: 'asem-principal-2' },
  { slot: 'DASCO/ECOLES/0:manager', label: 'Manager (DASCO)', firstName: 'Karim', lastName: 'Benali', gender: 'm', badgeNumber: '1000002' },
  { slot: 'DASCO:hr0', label: 'Gestionnaire RH (DASCO)', firstName: 'Nathalie', lastName: 'Girard', gender: 'f', badgeNumber: '1000003' },
  { slot: 'CASVP/PROXIMITE/0:agent0', label: 'Agent (CASVP)', firstName: 'Thomas', lastName: 'Petit', gender: 'm', badgeNumber: '1000004', jobProfileCode: 'travailleur-social', gradeCode: 'assistant-socio-educatif' },
  { slot: 'DSIN:it-support0', label: 'Support informatique (DSIN)', firstName: 'Yasmina', lastName: 'Haddad', gender: 'f', badgeNumber: '1000005' },
  { slot: 'DSIN:administrator', label: 'Administratrice (DSIN)', firstName: 'Claire', lastName: 'Fontaine', gender: 'f', badgeNumber: '1000006', jobTitle: 'Administratrice fonctionnelle du portail' },
  { slot: 'DSIN/SECURITE:head', label: 'Responsable sécurité (RSSI)', firstName: 'Marc', lastName: 'Dubois', gender: 'm', badgeNumber: '1000007', jobTitle: "Responsable de la sécurité des systèmes d'information" },
];

export type DemoLogin = { label: string; firstName: string; lastName: string; badgeNumber: string; email: string };

// boot.ts prints the banner with the URL only; ensureDemoOrganisation remembers the logins actually stored
// (their e-mail domain is the one of the first start), or none when the database holds real data.
let storedLogins: readonly DemoLogin[] | undefined;

export function rememberDemoLogins(logins: readonly DemoLogin[]): void {
  storedLogins = logins;
}

export function demoLoginsBanner(url: string, logins: readonly DemoLogin[] | undefined = storedLogins): string {
  const rows =
    logins ??
    demoPersonas.map((p) => ({ ...p, email: `${emailLocalPart(p.firstName, p.lastName)}@<domaine de l'organisation>` }));
  if (rows.length === 0) return '';
  const table = [
    ['Rôle', 'Nom', 'Matricule', 'E-mail'],
    ...rows.map((login) => [login.label, `${login.firstName} ${login.lastName}`, login.badgeNumber, login.email]),
  ];
  const widths = [0, 1, 2].map((column) => Math.max(...table.map((row) => (row[column] ?? '').length)));
  const lines = table.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd());
  const rule = '─'.repeat(Math.max(...lines.map((line) => line.length), 60));
  return [
    '',
    rule,
    ' Nomades — comptes de démonstration (données fictives)',
    ` Adresse : ${url}`,
    ` Mot de passe commun : ${DEMO_PASSWORD}`,
    '',
    ...lines.map((line) => ` ${line}`),
    '',
    ' Ces comptes de démonstration ne doivent jamais exister en production.',
    rule,
    '',
  ].join('\n');
}
