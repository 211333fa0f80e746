import type { Db } from '../db/connection.ts';

// The catalogue of job profiles and grades every deployment starts with (demo or not): an account
// cannot be created without a job profile, and the CLI bootstraps the first administrator.
// Job profiles say what an agent does (and will open rights); grades say their career level (and open none).

export type GradeCategory = 'A' | 'B' | 'C';

export const grades = [
  { code: 'adjoint-administratif', name: 'Adjoint administratif', category: 'C' },
  { code: 'adjoint-accueil', name: "Adjoint d'accueil, de surveillance et de magasinage", category: 'C' },
  { code: 'adjoint-technique', name: 'Adjoint technique', category: 'C' },
  { code: 'adjoint-animation', name: "Adjoint d'animation", category: 'C' },
  { code: 'asem-principal-2', name: 'ASEM principal de 2e classe', category: 'C' },
  { code: 'asem-principal-1', name: 'ASEM principal de 1re classe', category: 'C' },
  { code: 'eboueur', name: 'Éboueur', category: 'C' },
  { code: 'agent-maitrise', name: 'Agent de maîtrise', category: 'C' },
  { code: 'secretaire-administratif', name: 'Secrétaire administratif', category: 'B' },
  { code: 'technicien-superieur', name: 'Technicien supérieur', category: 'B' },
  { code: 'animateur', name: 'Animateur', category: 'B' },
  { code: 'educateur-aps', name: 'Éducateur des activités physiques et sportives', category: 'B' },
  { code: 'assistant-bibliotheques', name: 'Assistant spécialisé des bibliothèques et des musées', category: 'B' },
  { code: 'auxiliaire-puericulture', name: 'Auxiliaire de puériculture', category: 'B' },
  { code: 'attache', name: "Attaché d'administrations parisiennes", category: 'A' },
  { code: 'attache-principal', name: "Attaché principal d'administrations parisiennes", category: 'A' },
  { code: 'administrateur', name: 'Administrateur de la Ville de Paris', category: 'A' },
  { code: 'ingenieur', name: "Ingénieur et architecte d'administrations parisiennes", category: 'A' },
  { code: 'ingenieur-chef', name: 'Ingénieur en chef', category: 'A' },
  { code: 'bibliothecaire', name: 'Bibliothécaire', category: 'A' },
  { code: 'assistant-socio-educatif', name: 'Assistant socio-éducatif', category: 'A' },
  { code: 'educateur-jeunes-enfants', name: 'Éducateur de jeunes enfants', category: 'A' },
  { code: 'infirmier', name: 'Infirmier en soins généraux', category: 'A' },
  { code: 'medecin', name: 'Médecin', category: 'A' },
] as const satisfies readonly { code: string; name: string; category: GradeCategory }[];

export type GradeCode = (typeof grades)[number]['code'];

type JobProfileDefinition = {
  code: string;
  name: string;
  /** Job title as written on the agent's card: [masculine, feminine]. */
  titles: readonly [string, string];
  /** The grades agents of this profile usually hold, with their relative frequency. */
  grades: readonly (readonly [GradeCode, number])[];
};

export const jobProfiles = [
  { code: 'agent-administratif', name: 'Agent administratif', titles: ['Agent administratif', 'Agente administrative'], grades: [['adjoint-administratif', 3], ['secretaire-administratif', 1]] },
  { code: 'agent-accueil', name: "Agent d'accueil", titles: ["Agent d'accueil", "Agente d'accueil"], grades: [['adjoint-accueil', 2], ['adjoint-administratif', 1]] },
  { code: 'asem', name: 'Agent spécialisé des écoles maternelles (ASEM)', titles: ['ASEM', 'ASEM'], grades: [['asem-principal-2', 3], ['asem-principal-1', 1]] },
  { code: 'animateur', name: 'Animateur', titles: ['Animateur périscolaire', 'Animatrice périscolaire'], grades: [['adjoint-animation', 3], ['animateur', 1]] },
  { code: 'jardinier', name: 'Jardinier', titles: ['Jardinier', 'Jardinière'], grades: [['adjoint-technique', 3], ['agent-maitrise', 1]] },
  { code: 'agent-proprete', name: 'Éboueur / agent de propreté', titles: ['Éboueur', 'Éboueuse'], grades: [['eboueur', 4], ['agent-maitrise', 1]] },
  { code: 'agent-technique', name: 'Agent technique polyvalent', titles: ['Agent technique polyvalent', 'Agente technique polyvalente'], grades: [['adjoint-technique', 3], ['agent-maitrise', 1]] },
  { code: 'agent-voirie', name: "Agent d'exploitation de la voirie", titles: ["Agent d'exploitation de la voirie", "Agente d'exploitation de la voirie"], grades: [['adjoint-technique', 2], ['agent-maitrise', 1], ['technicien-superieur', 1]] },
  { code: 'travailleur-social', name: 'Travailleur social', titles: ['Travailleur social', 'Travailleuse sociale'], grades: [['assistant-socio-educatif', 1]] },
  { code: 'auxiliaire-puericulture', name: 'Auxiliaire de puériculture', titles: ['Auxiliaire de puériculture', 'Auxiliaire de puériculture'], grades: [['auxiliaire-puericulture', 1]] },
  { code: 'educateur-jeunes-enfants', name: 'Éducateur de jeunes enfants', titles: ['Éducateur de jeunes enfants', 'Éducatrice de jeunes enfants'], grades: [['educateur-jeunes-enfants', 1]] },
  { code: 'gestionnaire-rh', name: 'Gestionnaire RH', titles: ['Gestionnaire RH', 'Gestionnaire RH'], grades: [['secretaire-administratif', 2], ['adjoint-administratif', 2]] },
  { code: 'technicien-informatique', name: 'Technicien informatique', titles: ['Technicien informatique', 'Technicienne informatique'], grades: [['technicien-superieur', 3], ['ingenieur', 1]] },
  { code: 'charge-support', name: 'Chargé de support', titles: ['Chargé de support', 'Chargée de support'], grades: [['technicien-superieur', 2], ['adjoint-technique', 1]] },
  { code: 'chef-projet-si', name: 'Chef de projet informatique', titles: ['Chef de projet informatique', 'Cheffe de projet informatique'], grades: [['ingenieur', 1]] },
  { code: 'bibliothecaire', name: 'Bibliothécaire', titles: ['Bibliothécaire', 'Bibliothécaire'], grades: [['bibliothecaire', 1], ['assistant-bibliotheques', 2]] },
  { code: 'educateur-sportif', name: 'Éducateur sportif', titles: ['Éducateur sportif', 'Éducatrice sportive'], grades: [['educateur-aps', 1]] },
  { code: 'infirmier', name: 'Infirmier', titles: ['Infirmier', 'Infirmière'], grades: [['infirmier', 1]] },
  { code: 'medecin', name: 'Médecin', titles: ['Médecin', 'Médecin'], grades: [['medecin', 1]] },
  { code: 'charge-logement', name: "Chargé d'attribution de logements", titles: ["Chargé d'attribution de logements", "Chargée d'attribution de logements"], grades: [['secretaire-administratif', 2], ['adjoint-administratif', 1]] },
  { code: 'encadrant', name: 'Encadrant de proximité', titles: ['Responsable', 'Responsable'], grades: [['secretaire-administratif', 2], ['agent-maitrise', 1], ['attache', 1]] },
  { code: 'chef-de-service', name: 'Cadre / chef de service', titles: ['Chef de service', 'Cheffe de service'], grades: [['attache-principal', 2], ['ingenieur', 1]] },
  { code: 'directeur', name: 'Directeur', titles: ['Directeur', 'Directrice'], grades: [['administrateur', 2], ['ingenieur-chef', 1]] },
] as const satisfies readonly JobProfileDefinition[];

export type JobProfileCode = (typeof jobProfiles)[number]['code'];

export function jobProfile(code: JobProfileCode): JobProfileDefinition {
  const found = jobProfiles.find((profile) => profile.code === code);
  if (!found) throw new Error(`unknown job profile ${code}`);
  return found;
}

/** Inserts the catalogue's missing job profiles and grades; never changes existing ones. */
export async function ensureReferenceData(db: Db): Promise<void> {
  await db
    .insertInto('job_profiles')
    .values(jobProfiles.map(({ code, name }) => ({ code, name })))
    .onConflict((c) => c.column('code').doNothing())
    .execute();
  await db
    .insertInto('grades')
    .values(grades.map(({ code, name, category }) => ({ code, name, category })))
    .onConflict((c) => c.column('code').doNothing())
    .execute();
}

/** Reference ids by code, for inserting agents in bulk. */
export async function referenceIds(db: Db) {
  const [profiles, gradeRows] = await Promise.all([
    db.selectFrom('job_profiles').select(['id', 'code']).execute(),
    db.selectFrom('grades').select(['id', 'code']).execute(),
  ]);
  return {
    jobProfiles: new Map(profiles.map((row) => [row.code, row.id])),
    grades: new Map(gradeRows.map((row) => [row.code, row.id])),
  };
}
