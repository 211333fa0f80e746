import type { Db } from '../../db/connection.ts';
import { addDays, parisDate } from '../accounts/paris-calendar.ts';
import * as applications from './applications.repo.ts';
import * as offers from './job-offers.repo.ts';

type DemoOffer = {
  department: string;
  service: string;
  site: string;
  title: string;
  category: 'A' | 'B' | 'C';
  grades: string[];
  mission: string;
  profile: string;
  /** Days since publication, days left before closing. */
  published: number;
  closes: number;
};

const conditions = 'Poste ouvert aux fonctionnaires de la Ville de Paris par voie de mobilité interne. Télétravail possible selon les règles de la direction. Restauration collective et prise en charge partielle du Pass Navigo.';

// The bourse des emplois of the demo city: plausible posts, not real vacancies.
const demoOffers: DemoOffer[] = [
  {
    department: 'DASCO',
    service: 'PERISCOLAIRE',
    site: 'École polyvalente Championnet',
    title: 'Responsable éducatif ville (F/H)',
    category: 'B',
    grades: ['animateur'],
    mission: 'Vous organisez les temps périscolaires d’une école de 320 élèves : encadrement d’une équipe de 18 animateurs, projet pédagogique, lien quotidien avec la direction de l’école et les familles.',
    profile: 'Expérience de l’animation et de l’encadrement d’équipe ; BPJEPS ou équivalent apprécié ; sens du dialogue avec les familles.',
    published: 6,
    closes: 24,
  },
  {
    department: 'DASCO',
    service: 'CASPE',
    site: 'Mairie du 18e arrondissement',
    title: 'Gestionnaire administratif de circonscription scolaire (F/H)',
    category: 'C',
    grades: ['adjoint-administratif'],
    mission: 'Au sein de la circonscription des affaires scolaires du 18e, vous suivez les inscriptions, les dérogations et les dossiers des écoles : courriers, tableaux de bord, accueil téléphonique des familles.',
    profile: 'Rigueur, maîtrise des outils bureautiques, goût du travail en équipe ; connaissance du milieu scolaire appréciée.',
    published: 20,
    closes: 10,
  },
  {
    department: 'DASCO',
    service: 'ECOLES',
    site: 'Centre administratif Morland',
    title: 'Adjoint au chef du bureau de la restauration scolaire (F/H)',
    category: 'A',
    grades: ['attache', 'attache-principal'],
    mission: 'Vous secondez le chef du bureau dans le pilotage des caisses des écoles : subventions, qualité des repas, plan de lutte contre le gaspillage alimentaire, dialogue avec les mairies d’arrondissement.',
    profile: 'Attaché d’administrations parisiennes ; goût pour les finances publiques et le travail partenarial ; aisance rédactionnelle.',
    published: 3,
    closes: 30,
  },
  {
    department: 'DPE',
    service: 'PROPRETE',
    site: 'Atelier de propreté du 12e',
    title: 'Chef d’équipe propreté, division du 12e (F/H)',
    category: 'C',
    grades: ['agent-maitrise'],
    mission: 'Vous encadrez une équipe de 12 éboueurs et organisez les circuits de nettoiement du secteur Bercy – Picpus, en lien avec les usagers et les élus du 12e.',
    profile: 'Agent de maîtrise ou éboueur confirmé souhaitant évoluer ; sens de l’organisation et de la sécurité au travail.',
    published: 12,
    closes: 18,
  },
  {
    department: 'DPE',
    service: 'DECHETS',
    site: 'Centre administratif Morland',
    title: 'Chargé de mission prévention des déchets (F/H)',
    category: 'A',
    grades: ['attache', 'ingenieur'],
    mission: 'Vous animez le plan local de prévention des déchets : ressourceries, compostage de quartier, campagnes auprès des habitants et des commerçants.',
    profile: 'Formation en environnement ou expérience de conduite de projet ; aisance à l’oral devant des publics variés.',
    published: 9,
    closes: 21,
  },
  {
    department: 'DEVE',
    service: 'JARDINS',
    site: 'Parc des Buttes-Chaumont',
    title: 'Jardinier au parc des Buttes-Chaumont (F/H)',
    category: 'C',
    grades: ['adjoint-technique'],
    mission: 'Vous entretenez massifs, pelouses et plantations du parc selon une gestion écologique (zéro phytosanitaire), et participez à l’accueil du public.',
    profile: 'CAP ou BEP travaux paysagers ; connaissance des végétaux ; travail en extérieur et le week-end par roulement.',
    published: 15,
    closes: 15,
  },
  {
    department: 'DEVE',
    service: 'TRANSITION',
    site: 'Centre administratif de Bercy',
    title: 'Chef de projet plan climat (F/H)',
    category: 'A',
    grades: ['ingenieur', 'attache'],
    mission: 'Vous suivez les actions du plan climat : rénovation des équipements municipaux, îlots de fraîcheur, bilan carbone de la collectivité.',
    profile: 'Ingénieur ou attaché avec une première expérience en transition écologique ; goût pour les données et la conduite de projets transversaux.',
    published: 2,
    closes: 40,
  },
  {
    department: 'CASVP',
    service: 'PROXIMITE',
    site: "Centre d'action sociale du 13e",
    title: 'Travailleur social polyvalent (F/H)',
    category: 'A',
    grades: ['assistant-socio-educatif'],
    mission: 'Vous accompagnez les Parisiens en difficulté : accès aux droits, aides facultatives, prévention des expulsions, en lien avec les partenaires du 13e.',
    profile: 'Diplôme d’État d’assistant de service social ou de conseiller en économie sociale et familiale.',
    published: 8,
    closes: 22,
  },
  {
    department: 'CASVP',
    service: 'SENIORS',
    site: "Centre d'action sociale du 20e",
    title: 'Animateur de club seniors (F/H)',
    category: 'C',
    grades: ['adjoint-animation'],
    mission: 'Vous proposez et animez des activités pour les seniors du 20e : ateliers mémoire, sorties culturelles, moments conviviaux contre l’isolement.',
    profile: 'Expérience de l’animation auprès des personnes âgées ; bienveillance et sens de l’écoute.',
    published: 4,
    closes: 26,
  },
  {
    department: 'DRH',
    service: 'FORMATION',
    site: 'Centre administratif Lobau',
    title: 'Conseiller formation (F/H)',
    category: 'B',
    grades: ['secretaire-administratif'],
    mission: 'Vous conseillez les agents et les directions sur leurs parcours de formation, construisez les sessions du plan de formation et suivez leur évaluation.',
    profile: 'Secrétaire administratif ; intérêt pour l’ingénierie de formation ; qualités relationnelles.',
    published: 11,
    closes: 19,
  },
  {
    department: 'DRH',
    service: 'PAIE',
    site: 'Centre administratif Lobau',
    title: 'Gestionnaire paie et carrière (F/H)',
    category: 'C',
    grades: ['adjoint-administratif'],
    mission: 'Vous gérez la paie et les actes de carrière d’un portefeuille de 400 agents : avancements, positions, éléments variables de paie.',
    profile: 'Adjoint administratif ; rigueur, discrétion ; connaissance du statut de la fonction publique appréciée.',
    published: 1,
    closes: 29,
  },
  {
    department: 'DFPE',
    service: 'CRECHES',
    site: 'Multi-accueil Charonne',
    title: 'Auxiliaire de puériculture, multi-accueil Charonne (F/H)',
    category: 'B',
    grades: ['auxiliaire-puericulture'],
    mission: 'Vous accueillez des enfants de 10 semaines à 3 ans et leurs familles, veillez à leur bien-être et participez au projet d’établissement.',
    profile: 'Diplôme d’État d’auxiliaire de puériculture ; travail en équipe ; horaires en roulement entre 7 h 30 et 18 h 30.',
    published: 5,
    closes: 25,
  },
  {
    department: 'DSIN',
    service: 'SUPPORT',
    site: 'Centre administratif de Bercy',
    title: 'Technicien support de proximité (F/H)',
    category: 'B',
    grades: ['technicien-superieur'],
    mission: 'Vous installez et dépannez les postes de travail des agents sur site, accompagnez les utilisateurs et contribuez à la base de connaissances du centre de services.',
    profile: 'Technicien supérieur ; connaissances Windows et réseaux ; pédagogie avec les utilisateurs.',
    published: 14,
    closes: 16,
  },
];

async function agentByBadge(db: Db, badgeNumber: string) {
  return db.selectFrom('agents').select('id').where('badge_number', '=', badgeNumber).executeTakeFirst();
}

/**
 * The demo's bourse des emplois: a dozen offers published across departments (those the organisation has),
 * and Léa Moreau (1000001) waiting for her interview on the DASCO school-district post. Runs once: nothing is
 * added when offers exist.
 */
export async function seedDemoMobility(db: Db, now: Date = new Date()): Promise<void> {
  if (await db.selectFrom('job_offers').select('id').limit(1).executeTakeFirst()) return;
  const today = parisDate(now);
  const hr = await agentByBadge(db, '1000003');
  const ids = new Map<string, string>();
  for (const offer of demoOffers) {
    const department = await offers.departmentByCode(db, offer.department);
    if (!department) continue;
    const service = await offers.serviceOf(db, department.id, offer.service);
    const site = await db.selectFrom('sites').select('id').where('name', '=', offer.site).executeTakeFirst();
    const grades = await offers.gradesByCodes(db, offer.grades);
    const id = await offers.insertOffer(
      db,
      {
        department_id: department.id,
        service_id: service?.id ?? null,
        site_id: site?.id ?? null,
        title: offer.title,
        category: offer.category,
        description: `${offer.mission}\n\nProfil recherché : ${offer.profile}\n\n${conditions}`,
        contact: `Service des ressources humaines de la ${offer.department}, par la messagerie du portail ou au 01 42 76 40 40`,
        closes_on: addDays(today, offer.closes),
      },
      grades.map((g) => g.id),
      hr?.id ?? null,
      now,
    );
    await offers.setOfferStatus(db, id, { status: 'published', publishedOn: addDays(today, -offer.published) }, now);
    ids.set(offer.title, id);
  }

  const lea = await agentByBadge(db, '1000001');
  const offerId = ids.get('Gestionnaire administratif de circonscription scolaire (F/H)');
  const department = await offers.departmentByCode(db, 'DASCO');
  if (!lea || !offerId || !department) return;
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
  const applicationId = await applications.insertApplication(
    db,
    {
      agent_id: lea.id,
      offer_id: offerId,
      department_id: department.id,
      cover_letter:
        'Madame, Monsieur,\n\nASEM depuis six ans à l’école maternelle Vitruve, je connais de près la vie des écoles et les attentes des familles. Je souhaite mettre cette expérience au service de la circonscription du 18e, dans un poste administratif où l’accueil et le suivi des dossiers sont essentiels.\n\nJe vous remercie de l’attention portée à ma candidature.\n\nLéa Moreau',
      cv: null,
      cv_name: null,
      wished_job: null,
      reason: null,
      idempotency_key: 'demo-lea-circonscription',
    },
    [],
    daysAgo(10),
  );
  await applications.addEvent(db, { applicationId, at: daysAgo(10), actorId: lea.id, step: 'submitted' });
  await applications.addEvent(db, { applicationId, at: daysAgo(7), actorId: hr?.id ?? null, step: 'hr_review' });
  await applications.addEvent(db, {
    applicationId,
    at: daysAgo(3),
    actorId: hr?.id ?? null,
    step: 'interview',
    onDate: addDays(today, 4),
    comment: 'Entretien à la mairie du 18e, bureau 214, avec la cheffe de circonscription.',
  });
  await applications.updateApplication(db, applicationId, { stage: 'interview' }, daysAgo(3));
}
