import type { JobProfileCode } from './reference-data.ts';
import type { SiteKey } from './sites.catalogue.ts';

// The twelve departments of the demo city, with their services, units and the usual mix of job profiles.
// Service and unit names are plausible, not the official organisation chart.

export type ServiceDefinition = {
  code: string;
  name: string;
  /** Unit names; a large organisation numbers extra sectors after them. */
  units: readonly string[];
  /** Where its units work, assigned to units in turn. */
  sites: readonly SiteKey[];
  /** The job profiles of the service's agents, with their relative frequency. */
  staff: readonly (readonly [JobProfileCode, number])[];
  /** The department's HR officers sit in this service. */
  hr?: true;
};

export type DepartmentDefinition = {
  code: string;
  name: string;
  /** Relative size: share of the agents once every department has its minimal structure. */
  weight: number;
  /** Technical departments are run by engineers rather than administrators. */
  technical?: true;
  services: readonly ServiceDefinition[];
};

const hrService = (name: string, sites: readonly SiteKey[]): ServiceDefinition => ({
  code: 'RH',
  name,
  units: ['Bureau de la gestion des personnels', 'Bureau de la formation et des compétences'],
  sites,
  staff: [['gestionnaire-rh', 3], ['agent-administratif', 2]],
  hr: true,
});

export const departments: readonly DepartmentDefinition[] = [
  {
    code: 'DASCO',
    name: 'Direction des affaires scolaires',
    weight: 18,
    services: [
      { code: 'ECOLES', name: 'Service des écoles', units: ['Bureau des écoles maternelles', 'Bureau des écoles élémentaires', 'Bureau de la restauration scolaire'], sites: ['ecole-vitruve', 'ecole-keller', 'ecole-brancion', 'ecole-championnet'], staff: [['asem', 7], ['agent-technique', 1], ['agent-accueil', 1]] },
      { code: 'PERISCOLAIRE', name: 'Service des activités périscolaires', units: ['Bureau des centres de loisirs', 'Bureau du temps méridien'], sites: ['ecole-championnet', 'ecole-brancion', 'ecole-vitruve'], staff: [['animateur', 6], ['agent-administratif', 1]] },
      { code: 'CASPE', name: 'Service des circonscriptions scolaires', units: ['Circonscription du 11e', 'Circonscription du 15e', 'Circonscription du 18e', 'Circonscription du 20e'], sites: ['mairie-11', 'mairie-15', 'mairie-18', 'mairie-20'], staff: [['agent-administratif', 3], ['agent-accueil', 1]] },
      { code: 'PATRIMOINE', name: 'Service du patrimoine scolaire', units: ['Bureau des travaux dans les écoles', "Bureau de l'équipement scolaire"], sites: ['morland'], staff: [['agent-administratif', 2], ['agent-technique', 2]] },
      hrService('Service des ressources humaines et des moyens', ['morland']),
    ],
  },
  {
    code: 'CASVP',
    name: "Centre d'action sociale de la Ville de Paris",
    weight: 10,
    services: [
      { code: 'PROXIMITE', name: "Service de l'action sociale de proximité", units: ["Centre d'action sociale du 13e", "Centre d'action sociale du 18e", "Centre d'action sociale du 20e"], sites: ['cas-13', 'cas-18', 'cas-20'], staff: [['travailleur-social', 5], ['agent-accueil', 2], ['agent-administratif', 2]] },
      { code: 'SENIORS', name: 'Service des solidarités seniors', units: ['Bureau des résidences autonomie', 'Bureau des clubs seniors'], sites: ['cas-20', 'cas-13'], staff: [['agent-accueil', 2], ['animateur', 2], ['travailleur-social', 2], ['agent-administratif', 1]] },
      { code: 'INSERTION', name: "Service de l'insertion et de la lutte contre l'exclusion", units: ['Bureau du RSA', "Bureau des centres d'hébergement"], sites: ['cas-18'], staff: [['travailleur-social', 5], ['agent-administratif', 2]] },
      hrService('Service des ressources humaines', ['bercy']),
    ],
  },
  {
    code: 'DRH',
    name: 'Direction des ressources humaines',
    weight: 5,
    services: [
      { ...hrService('Service de la gestion des carrières', ['lobau']), code: 'CARRIERES', units: ['Bureau des personnels administratifs', 'Bureau des personnels techniques', 'Bureau des personnels ouvriers'], staff: [['gestionnaire-rh', 5], ['agent-administratif', 1]] },
      { code: 'FORMATION', name: 'Service de la formation', units: ['Bureau de la formation continue', 'Bureau des concours'], sites: ['lobau'], staff: [['gestionnaire-rh', 2], ['agent-administratif', 2]] },
      { code: 'SANTE-TRAVAIL', name: 'Service de la santé et de la qualité de vie au travail', units: ['Bureau de la médecine préventive', 'Bureau de la prévention des risques professionnels'], sites: ['lobau'], staff: [['infirmier', 2], ['medecin', 1], ['agent-administratif', 1]] },
      { code: 'PAIE', name: 'Service de la paie et des rémunérations', units: ['Bureau de la paie', 'Bureau des pensions'], sites: ['lobau'], staff: [['gestionnaire-rh', 3], ['agent-administratif', 1]] },
    ],
  },
  {
    code: 'DPE',
    name: "Direction de la propreté et de l'eau",
    weight: 13,
    technical: true,
    services: [
      { code: 'PROPRETE', name: 'Service technique de la propreté de Paris', units: ['Division du 11e', 'Division du 12e', 'Division du 18e', 'Division du 20e'], sites: ['atelier-proprete-12', 'atelier-proprete-18'], staff: [['agent-proprete', 8], ['agent-technique', 1]] },
      { code: 'EAU', name: "Service de l'eau et de l'assainissement", units: ["Section de l'assainissement", "Bureau de l'eau"], sites: ['atelier-proprete-12'], staff: [['agent-technique', 4], ['agent-administratif', 1]] },
      { code: 'DECHETS', name: 'Service de la prévention et de la valorisation des déchets', units: ['Bureau du tri et du recyclage', 'Bureau des ressourceries'], sites: ['atelier-proprete-18', 'morland'], staff: [['agent-proprete', 3], ['agent-administratif', 1]] },
      hrService('Service des ressources humaines', ['morland']),
    ],
  },
  {
    code: 'DEVE',
    name: "Direction des espaces verts et de l'environnement",
    weight: 7,
    technical: true,
    services: [
      { code: 'JARDINS', name: 'Service des parcs et jardins', units: ['Division Nord', 'Division Sud', 'Division Est', 'Division Ouest'], sites: ['parc-buttes-chaumont', 'parc-citroen', 'serres-auteuil'], staff: [['jardinier', 8], ['agent-technique', 1]] },
      { code: 'ARBRE', name: "Service de l'arbre et des bois", units: ['Division des bois de Boulogne et de Vincennes', "Section de l'arbre"], sites: ['serres-auteuil'], staff: [['jardinier', 4], ['agent-technique', 2]] },
      { code: 'TRANSITION', name: 'Service de la transition écologique', units: ['Agence de la biodiversité', 'Bureau du plan climat'], sites: ['bercy'], staff: [['agent-administratif', 2], ['chef-projet-si', 1]] },
      hrService('Service des ressources humaines et des finances', ['bercy']),
    ],
  },
  {
    code: 'DFPE',
    name: 'Direction des familles et de la petite enfance',
    weight: 13,
    services: [
      { code: 'CRECHES', name: 'Service des établissements de la petite enfance', units: ['Crèches du 11e et du 12e', 'Crèches du 13e et du 14e', 'Crèches du 18e', 'Crèches du 19e et du 20e'], sites: ['creche-charonne', 'creche-tolbiac', 'creche-moskova'], staff: [['auxiliaire-puericulture', 7], ['educateur-jeunes-enfants', 2], ['agent-technique', 1]] },
      { code: 'PMI', name: 'Service de la protection maternelle et infantile', units: ['Centres de PMI du nord', 'Centres de PMI du sud'], sites: ['mairie-18', 'mairie-13'], staff: [['infirmier', 3], ['medecin', 1], ['agent-accueil', 1]] },
      { code: 'FAMILLES', name: 'Service des familles', units: ['Bureau des relais petite enfance', 'Bureau du soutien à la parentalité'], sites: ['mairie-11', 'mairie-20'], staff: [['agent-administratif', 2], ['educateur-jeunes-enfants', 2]] },
      hrService('Service des ressources humaines', ['bercy']),
    ],
  },
  {
    code: 'DSIN',
    name: "Direction des systèmes d'information et du numérique",
    weight: 5,
    technical: true,
    services: [
      { code: 'SUPPORT', name: "Service de l'assistance et du support aux utilisateurs", units: ['Centre de services', 'Support de proximité'], sites: ['bercy'], staff: [['charge-support', 4], ['technicien-informatique', 2]] },
      { code: 'INFRA', name: 'Service des infrastructures et de la production', units: ['Bureau des réseaux', 'Bureau des serveurs et du stockage'], sites: ['bercy'], staff: [['technicien-informatique', 4], ['chef-projet-si', 1]] },
      { code: 'PROJETS', name: 'Service des projets numériques', units: ['Pôle des applications RH', 'Pôle des services aux usagers'], sites: ['bercy'], staff: [['chef-projet-si', 3], ['technicien-informatique', 1]] },
      { code: 'SECURITE', name: "Service de la sécurité des systèmes d'information", units: ['Centre opérationnel de sécurité'], sites: ['bercy'], staff: [['technicien-informatique', 2], ['chef-projet-si', 1]] },
      hrService('Service des ressources et des moyens', ['bercy']),
    ],
  },
  {
    code: 'DVD',
    name: 'Direction de la voirie et des déplacements',
    weight: 5,
    technical: true,
    services: [
      { code: 'TERRITOIRES', name: 'Service des territoires de la voirie', units: ['Section territoriale Centre', 'Section territoriale Est', 'Section territoriale Ouest'], sites: ['atelier-voirie', 'atelier-proprete-12'], staff: [['agent-voirie', 5], ['agent-technique', 2]] },
      { code: 'DEPLACEMENTS', name: 'Service des déplacements', units: ['Bureau du stationnement', 'Bureau des mobilités actives'], sites: ['morland'], staff: [['agent-administratif', 2], ['agent-voirie', 1]] },
      { code: 'CANAUX', name: 'Service des canaux', units: ['Section du canal Saint-Martin', "Section du canal de l'Ourcq"], sites: ['atelier-voirie'], staff: [['agent-technique', 3]] },
      hrService('Service des ressources humaines', ['morland']),
    ],
  },
  {
    code: 'DAC',
    name: 'Direction des affaires culturelles',
    weight: 6,
    services: [
      { code: 'BIBLIOTHEQUES', name: 'Service des bibliothèques', units: ['Médiathèque Marguerite-Duras', 'Bibliothèques du 13e', 'Bibliothèques du 18e'], sites: ['mediatheque-duras', 'mairie-13', 'mairie-18'], staff: [['bibliothecaire', 5], ['agent-accueil', 2]] },
      { code: 'CONSERVATOIRES', name: 'Service des conservatoires', units: ['Conservatoires du nord', 'Conservatoires du sud'], sites: ['mairie-18', 'mairie-15'], staff: [['agent-administratif', 2], ['agent-accueil', 1]] },
      { code: 'PATRIMOINE', name: "Service du patrimoine et de l'histoire", units: ["Conservation des œuvres d'art", 'Bureau des monuments'], sites: ['hotel-de-ville'], staff: [['agent-administratif', 2], ['bibliothecaire', 1]] },
      hrService('Service des ressources humaines', ['hotel-de-ville']),
    ],
  },
  {
    code: 'DJS',
    name: 'Direction de la jeunesse et des sports',
    weight: 6,
    services: [
      { code: 'EQUIPEMENTS', name: 'Service des équipements sportifs', units: ['Bureau des piscines', 'Bureau des gymnases et des stades'], sites: ['piscine-vallerey', 'mairie-15'], staff: [['educateur-sportif', 4], ['agent-technique', 3], ['agent-accueil', 1]] },
      { code: 'JEUNESSE', name: 'Service de la jeunesse', units: ['Bureau des centres Paris Anim', 'Bureau des quartiers jeunes'], sites: ['mairie-20', 'mairie-11'], staff: [['animateur', 4], ['agent-administratif', 1]] },
      { code: 'SPORT-PROXIMITE', name: 'Service du sport de proximité', units: ['Bureau des activités sportives', 'Bureau des associations sportives'], sites: ['piscine-vallerey'], staff: [['educateur-sportif', 3], ['agent-administratif', 1]] },
      hrService('Service des ressources humaines', ['hotel-de-ville']),
    ],
  },
  {
    code: 'DLH',
    name: "Direction du logement et de l'habitat",
    weight: 5,
    services: [
      { code: 'ATTRIBUTIONS', name: 'Service des attributions de logements', units: ['Bureau des demandes de logement', 'Bureau des attributions'], sites: ['morland'], staff: [['charge-logement', 3], ['agent-administratif', 2], ['agent-accueil', 1]] },
      { code: 'HABITAT', name: "Service de l'amélioration de l'habitat", units: ["Bureau de la lutte contre l'habitat indigne", 'Bureau des aides à la rénovation'], sites: ['morland'], staff: [['agent-administratif', 2], ['agent-technique', 1]] },
      hrService("Service des ressources et de l'administration", ['morland']),
    ],
  },
  {
    code: 'DSP',
    name: 'Direction de la santé publique',
    weight: 5,
    services: [
      { code: 'PREVENTION', name: 'Service de la prévention et du dépistage', units: ['Centres de santé sexuelle', 'Centre de vaccination'], sites: ['centre-sante-edison'], staff: [['infirmier', 3], ['medecin', 2], ['agent-accueil', 1]] },
      { code: 'SANTE-ENVIRONNEMENT', name: 'Service parisien de santé environnementale', units: ["Laboratoire d'hygiène", 'Bureau de la lutte antivectorielle'], sites: ['centre-sante-edison'], staff: [['agent-technique', 2], ['agent-administratif', 1]] },
      { code: 'SANTE-SCOLAIRE', name: 'Service de santé scolaire', units: ['Médecine scolaire du nord', 'Médecine scolaire du sud'], sites: ['ecole-championnet', 'ecole-brancion'], staff: [['medecin', 2], ['infirmier', 2]] },
      hrService('Service des ressources humaines', ['centre-sante-edison']),
    ],
  },
];
