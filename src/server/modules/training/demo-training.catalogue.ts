import type { TrainingFormat, TrainingTheme } from './training.schema.ts';

// The demo catalogue of a large French city's training office. Sessions are given in days from the seed's
// day (negative: already held) and moved off weekends; `taken` seats are filled with colleagues.

export type DemoSession = { inDays: number; days: number; place: string; capacity: number | null; taken?: number };
type DemoCourse = {
  title: string;
  theme: TrainingTheme;
  format: TrainingFormat;
  durationMinutes: number;
  audience: string;
  description: string;
  sessions: DemoSession[];
};

const CHAUCHAT = 'Centre de formation de la Ville, 12 rue Chauchat, 75009 Paris';
const MORLAND = 'Espace formation Morland, 17 boulevard Morland, 75004 Paris';
const MAIRIE_11 = 'Mairie du 11e arrondissement, salle des commissions, 12 place Léon-Blum, 75011 Paris';
const ONLINE = 'En ligne (le lien de connexion est envoyé une semaine avant)';
const PLATFORM = 'Plateforme de formation en ligne de la Ville';

export const demoCourses: readonly DemoCourse[] = [
  {
    title: 'Accueil du public et situations difficiles',
    theme: 'reception',
    format: 'in_person',
    durationMinutes: 14 * 60,
    audience: 'Agents en contact avec les usagers : guichets, accueils des mairies d’arrondissement, écoles',
    description:
      'Accueillir chaque usager avec courtoisie et efficacité, au guichet comme au téléphone.\nDésamorcer l’agressivité, poser un cadre, savoir passer le relais. Mises en situation filmées et retours entre participants.',
    sessions: [
      { inDays: -56, days: 2, place: MORLAND, capacity: 12, taken: 9 },
      { inDays: 33, days: 2, place: CHAUCHAT, capacity: 12, taken: 4 },
    ],
  },
  {
    title: 'Gestes de premiers secours (PSC1)',
    theme: 'health_safety',
    format: 'in_person',
    durationMinutes: 7 * 60,
    audience: 'Tous les agents, en priorité ceux qui accueillent du public ou des enfants',
    description:
      'Formation « Prévention et secours civiques de niveau 1 » délivrée par des formateurs agréés : protéger, alerter, masser, défibriller, mettre en position latérale de sécurité.\nCertificat de compétences remis en fin de journée.',
    sessions: [
      { inDays: 16, days: 1, place: CHAUCHAT, capacity: 10, taken: 6 },
      { inDays: 44, days: 1, place: MAIRIE_11, capacity: 10, taken: 2 },
      { inDays: 79, days: 1, place: CHAUCHAT, capacity: 10 },
    ],
  },
  {
    title: 'Excel : les fondamentaux',
    theme: 'digital',
    format: 'in_person',
    durationMinutes: 14 * 60,
    audience: 'Agents administratifs débutants avec le tableur',
    description: 'Saisir et mettre en forme un tableau, écrire ses premières formules, trier et filtrer, imprimer proprement. Exercices sur des tableaux de service réels.',
    sessions: [
      { inDays: 23, days: 2, place: MORLAND, capacity: 8, taken: 3 },
      { inDays: 65, days: 2, place: MORLAND, capacity: 8 },
    ],
  },
  {
    title: 'Excel perfectionnement : tableaux croisés dynamiques',
    theme: 'digital',
    format: 'webinar',
    durationMinutes: 6 * 60,
    audience: 'Agents utilisant déjà Excel au quotidien',
    description: 'Deux demi-journées en classe virtuelle : fonctions de recherche, tableaux croisés dynamiques, graphiques de suivi budgétaire.',
    sessions: [{ inDays: 37, days: 2, place: ONLINE, capacity: 15, taken: 5 }],
  },
  {
    title: 'Management d’équipe : les fondamentaux',
    theme: 'management',
    format: 'in_person',
    durationMinutes: 21 * 60,
    audience: 'Encadrants nouvellement nommés ou en prise de poste',
    description:
      'Trois jours pour prendre sa place d’encadrant : fixer le cap et les priorités, conduire l’entretien professionnel annuel, déléguer, gérer les tensions dans l’équipe.\nUn retour d’expérience est organisé trois mois après.',
    sessions: [
      { inDays: 19, days: 3, place: CHAUCHAT, capacity: 12, taken: 11 },
      { inDays: 86, days: 3, place: CHAUCHAT, capacity: 12 },
    ],
  },
  {
    title: 'Prévention des risques psychosociaux',
    theme: 'health_safety',
    format: 'in_person',
    durationMinutes: 7 * 60,
    audience: 'Encadrants, assistants et conseillers de prévention',
    description: 'Repérer les signaux d’alerte (stress, épuisement, conflits), connaître les acteurs de la prévention et le document unique, savoir orienter un agent en difficulté.',
    sessions: [{ inDays: 51, days: 1, place: MORLAND, capacity: 15, taken: 3 }],
  },
  {
    title: 'Laïcité et fonction publique',
    theme: 'public_law',
    format: 'webinar',
    durationMinutes: 3 * 60,
    audience: 'Tous les agents',
    description: 'Le principe de laïcité et l’obligation de neutralité des agents publics, la liberté de conscience des usagers : cas pratiques tirés de l’accueil, des écoles et des équipements sportifs.',
    sessions: [
      { inDays: 27, days: 1, place: ONLINE, capacity: 40, taken: 12 },
      { inDays: 93, days: 1, place: ONLINE, capacity: 40 },
    ],
  },
  {
    title: 'RGPD : protéger les données personnelles des usagers',
    theme: 'public_law',
    format: 'e_learning',
    durationMinutes: 2 * 60,
    audience: 'Tous les agents qui traitent des dossiers d’usagers',
    description: 'Module en ligne à suivre à son rythme : ce qu’est une donnée personnelle, durées de conservation, droits des personnes, que faire en cas de fuite. Quiz de validation.',
    sessions: [{ inDays: 0, days: 180, place: PLATFORM, capacity: null, taken: 7 }],
  },
  {
    title: 'Gestes et postures : prévenir les troubles musculo-squelettiques',
    theme: 'health_safety',
    format: 'in_person',
    durationMinutes: 7 * 60,
    audience: 'Agents des écoles, de la propreté et des espaces verts',
    description: 'Comprendre les TMS, adapter ses gestes et son poste de travail, échauffements et manutention en sécurité. Séance pratique sur le terrain.',
    sessions: [{ inDays: 30, days: 1, place: MAIRIE_11, capacity: 12, taken: 5 }],
  },
  {
    title: 'Écrire des courriers administratifs clairs',
    theme: 'reception',
    format: 'webinar',
    durationMinutes: 6 * 60,
    audience: 'Agents qui répondent aux usagers par écrit',
    description: 'Faire simple et exact : structurer une réponse, choisir ses mots, bannir le jargon, relire. Chaque participant retravaille un de ses courriers.',
    sessions: [{ inDays: 58, days: 2, place: ONLINE, capacity: 14 }],
  },
  {
    title: 'Conduire une réunion et prendre la parole en public',
    theme: 'management',
    format: 'in_person',
    durationMinutes: 14 * 60,
    audience: 'Encadrants et chefs de projet',
    description: 'Préparer l’ordre du jour, animer, faire décider, rédiger le relevé de décisions ; gérer le trac et capter l’attention. Exercices filmés.',
    sessions: [{ inDays: 72, days: 2, place: CHAUCHAT, capacity: 10 }],
  },
  {
    title: 'Sensibilisation à la cybersécurité',
    theme: 'digital',
    format: 'e_learning',
    durationMinutes: 90,
    audience: 'Tous les agents disposant d’un compte informatique',
    description: 'Reconnaître un courriel d’hameçonnage, choisir ses mots de passe, protéger son poste en télétravail, signaler un incident au support informatique.',
    sessions: [{ inDays: 0, days: 365, place: PLATFORM, capacity: null, taken: 9 }],
  },
  {
    title: 'Hygiène alimentaire en restauration scolaire (HACCP)',
    theme: 'trade_skills',
    format: 'in_person',
    durationMinutes: 14 * 60,
    audience: 'Agents de restauration scolaire et ASEM',
    description: 'Les règles d’hygiène de la méthode HACCP appliquées aux offices des écoles : réception des denrées, températures, traçabilité, plan de nettoyage.',
    sessions: [
      { inDays: -21, days: 2, place: MAIRIE_11, capacity: 12, taken: 10 },
      { inDays: 47, days: 2, place: MAIRIE_11, capacity: 12, taken: 2 },
    ],
  },
  {
    title: 'Égalité professionnelle et lutte contre les discriminations',
    theme: 'public_law',
    format: 'e_learning',
    durationMinutes: 2 * 60,
    audience: 'Tous les agents',
    description: 'Module en ligne : les discriminations et le harcèlement au travail, ce que dit la loi, comment réagir et à qui s’adresser au sein de la Ville.',
    sessions: [{ inDays: 0, days: 180, place: PLATFORM, capacity: null }],
  },
  {
    title: 'Accueillir un enfant en situation de handicap à l’école',
    theme: 'trade_skills',
    format: 'in_person',
    durationMinutes: 14 * 60,
    audience: 'ASEM, animateurs et agents des écoles',
    description: 'Connaître les principaux handicaps et troubles, adapter l’accueil et les temps périscolaires, travailler avec les familles et l’équipe éducative.',
    sessions: [{ inDays: 40, days: 2, place: MORLAND, capacity: 14, taken: 4 }],
  },
  {
    title: 'Préparation au concours d’adjoint administratif principal',
    theme: 'public_law',
    format: 'in_person',
    durationMinutes: 35 * 60,
    audience: 'Adjoints administratifs inscrits au concours interne',
    description: 'Cinq journées consécutives : méthodologie de l’épreuve écrite, entraînement sur annales, préparation à l’oral avec jury blanc.',
    sessions: [{ inDays: 61, days: 5, place: CHAUCHAT, capacity: 20, taken: 8 }],
  },
];
