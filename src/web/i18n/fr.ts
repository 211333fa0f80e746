import { frAccount } from './fr-account.ts';
import { frAuth } from './fr-auth.ts';

// French is the reference: its shape is the Dictionary type every other language must match exactly.
export const fr = {
  meta: {
    productName: 'Nomades',
    documentTitle: (page: string, org: string | undefined) => [page, 'Nomades', org].filter(Boolean).join(' – '),
  },
  layout: {
    skipLink: 'Aller au contenu principal',
    tagline: 'Le portail des agents',
    mainNavigation: 'Menu principal',
    languageSwitch: 'Langue du site',
    footerNavigation: 'Informations sur le portail',
    accessibilityStatus: 'Accessibilité : non conforme',
    version: (version: string) => `Nomades, version ${version}`,
    licence: 'Logiciel libre sous licence AGPL-3.0',
    signIn: 'Se connecter',
    signOut: 'Se déconnecter',
    cancelSignIn: 'Abandonner la connexion',
    accountOf: (name: string) => `${name}, mon compte`,
  },
  nav: {
    home: 'Accueil',
    account: 'Mon compte',
    papers: 'Paie et dossier',
    apiReference: 'Référence de l’API',
    accessibility: 'Accessibilité',
  },
  status: {
    loading: 'Chargement en cours…',
    failed: 'Ces informations n’ont pas pu être chargées. Vérifiez votre connexion, puis rechargez la page.',
  },
  common: {
    required: 'Ce champ est obligatoire.',
    show: 'Afficher',
    hide: 'Masquer',
    showPassword: 'Afficher le mot de passe',
    hidePassword: 'Masquer le mot de passe',
    cancel: 'Annuler',
    internalNetwork: 'Réseau de la collectivité',
    externalNetwork: 'Hors du réseau de la collectivité',
  },
  // Used when the server gives no explanation, and in other languages than French (the server writes French).
  errors: {
    generic: 'Une erreur est survenue. Réessayez dans quelques instants.',
    network: 'Le portail ne répond pas. Vérifiez votre connexion à Internet, puis réessayez.',
    invalidField: 'Un champ est invalide.',
    rateLimited: (wait: string) => `Trop de tentatives. Réessayez dans ${wait}.`,
    seconds: (count: number) => `${count} ${plural(count, 'seconde', 'secondes')}`,
    minutes: (count: number) => `${count} ${plural(count, 'minute', 'minutes')}`,
    rules: {
      current_password: 'Le mot de passe actuel est incorrect.',
      second_factor_required: 'Le code de vérification est obligatoire pour ce compte.',
    },
    byCode: {
      bad_request: 'La demande est invalide.',
      validation_failed: 'Certains champs sont invalides.',
      invalid_reset_link: 'Ce lien de réinitialisation n’est plus valable.',
      unauthenticated: 'Votre session a expiré. Reconnectez-vous.',
      forbidden: 'Cette action n’est pas autorisée.',
      csrf_failed: 'La page a expiré : rechargez-la et recommencez.',
      sign_in_incomplete: 'Terminez d’abord votre connexion.',
      reauthentication_required: 'Confirmez votre mot de passe pour continuer.',
      invalid_credentials: 'Identifiant ou mot de passe incorrect. Après 5 échecs, le compte est bloqué 30 minutes.',
      invalid_code: 'Code incorrect, déjà utilisé ou expiré.',
      not_found: 'Cet élément n’existe pas ou plus.',
      conflict: 'Cette action a déjà été faite.',
      unprocessable: 'La demande ne respecte pas les règles.',
      rate_limited: 'Trop de tentatives. Réessayez plus tard.',
      internal: 'Une erreur est survenue sur le serveur. Réessayez dans quelques instants.',
      service_unavailable: 'Le service est momentanément indisponible. Réessayez dans quelques instants.',
    },
  },
  papers: {
    navLabel: 'Pages de la paie et du dossier',
    tabs: {
      file: 'Mon dossier',
      payslips: 'Bulletins de paie',
      certificates: 'Attestations',
      card: 'Carte professionnelle',
    },
  },
  home: {
    title: 'Vos démarches d’agent, au bureau comme à distance',
    lead: 'Nomades est le portail des agents de la collectivité. Il réunit en un seul endroit vos documents et démarches de personnel, votre messagerie et les applications de la collectivité, depuis un ordinateur ou un téléphone.',
    signInCall: {
      title: 'Accéder au portail',
      text: 'Connectez-vous avec votre numéro de badge ou votre adresse professionnelle et votre mot de passe.',
      action: 'Se connecter',
      pendingTitle: 'Votre connexion n’est pas terminée',
      pendingText: 'Il reste une étape avant d’accéder au portail.',
      pendingAction: 'Terminer la connexion',
    },
    signedIn: {
      greeting: (firstName: string) => `Bonjour ${firstName}`,
      // The city's name is set by configuration without its article ("Ville de Paris"): not in a sentence.
      lead: (_org: string) => 'Bienvenue sur Nomades, le portail des agents de la collectivité.',
      profileTitle: 'Votre profil',
      department: 'Direction',
      jobProfile: 'Profil métier',
      jobTitle: 'Fonction',
      badgeNumber: 'Numéro de badge',
      accountTitle: 'Votre compte',
      links: {
        account: 'Mon compte',
        accountHint: 'Votre identité et la sécurité de votre compte.',
        password: 'Changer mon mot de passe',
        passwordHint: 'À faire dès que vous pensez qu’il a pu être découvert.',
        secondFactors: 'Vérification en deux étapes',
        secondFactorsHint: 'Application, clé d’accès, SMS et codes de secours.',
        sessions: 'Sessions ouvertes',
        sessionsHint: 'Les appareils connectés à votre compte.',
        history: 'Historique de connexion',
        historyHint: 'Vos connexions des 12 derniers mois.',
      },
      papersTitle: 'Vos papiers',
      papers: {
        file: 'Mon dossier',
        fileHint: 'État civil, coordonnées, famille, carrière, temps de travail ; demander une correction.',
        payslips: 'Mes bulletins de paie',
        payslipsHint: 'Chaque mois expliqué ligne par ligne, et le PDF à télécharger.',
        certificates: 'Mes attestations',
        certificatesHint: 'Attestation employeur ou de salaire, délivrée aussitôt.',
        card: 'Ma carte professionnelle',
        cardHint: 'Carte perdue ou volée : la bloquer et suivre son remplacement.',
      },
      servicesIntro: 'Ces services arriveront sur le portail au fil des prochaines versions :',
    },
    audience: {
      title: 'À qui s’adresse ce portail ?',
      text: 'À tous les agents de la collectivité, quels que soient leur direction et leur métier. Chacun n’y voit que ses propres informations.',
    },
    services: {
      title: 'Ce que vous trouverez sur le portail',
      intro: 'Une fois connecté, vous accéderez à :',
      payslips: { title: 'Bulletins de paie', text: 'Consulter et télécharger vos bulletins de paie.' },
      certificates: { title: 'Attestations', text: 'Obtenir vos attestations, par exemple une attestation employeur.' },
      leave: { title: 'Congés', text: 'Demander un congé et suivre vos soldes.' },
      telework: { title: 'Télétravail', text: 'Demander vos jours de télétravail et suivre leur validation.' },
      mobility: { title: 'Mobilité', text: 'Consulter les postes ouverts et préparer une demande de mobilité.' },
      training: { title: 'Formation', text: 'Vous inscrire à une formation et retrouver celles que vous avez suivies.' },
      personalFile: { title: 'Dossier individuel', text: 'Consulter les pièces de votre dossier individuel.' },
      webmail: { title: 'Messagerie', text: 'Lire et envoyer vos courriels professionnels hors du bureau.' },
      internalApps: { title: 'Applications internes', text: 'Ouvrir les applications de la collectivité à distance.' },
      itSupport: { title: 'Assistance informatique', text: 'Signaler un problème informatique et suivre vos demandes.' },
    },
    signIn: {
      title: 'Comment vous connecter',
      intro: 'Pour vous connecter, il vous faudra :',
      identifier: {
        title: 'Votre identifiant',
        text: 'Votre numéro de badge ou votre adresse électronique professionnelle.',
        badge:
          'Le numéro de badge compte 7 chiffres. Il figure en haut à gauche de votre bulletin de paie et sur votre carte professionnelle.',
        email: (domain: string) => `Votre adresse professionnelle se termine par @${domain}.`,
      },
      password: {
        title: 'Votre mot de passe',
        text: 'Le mot de passe de votre compte Nomades.',
      },
      secondFactor: {
        title: 'Une vérification supplémentaire hors du réseau de la collectivité',
        text: 'Quand vous vous connectez en dehors du réseau de la collectivité, par exemple depuis chez vous, une seconde vérification vous est demandée (second facteur). Selon votre direction, elle peut aussi l’être au bureau.',
      },
    },
    account: {
      title: 'Vous n’avez pas encore de compte ?',
      text: 'Les comptes sont créés par le service des ressources humaines de votre direction : il n’est pas possible de créer un compte soi-même. Adressez-vous à votre service RH.',
    },
    departments: {
      title: 'Les directions de la collectivité',
      intro: 'Le portail est ouvert aux agents des directions suivantes.',
      empty: 'Aucune direction n’est encore enregistrée dans le portail.',
    },
  },
  accessibility: {
    title: 'Déclaration d’accessibilité',
    commitment: (org: string) =>
      `${org} s’engage à rendre ses sites internet, intranet, extranet et ses progiciels accessibles, conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005.`,
    scope: 'Cette déclaration d’accessibilité s’applique à Nomades, le portail d’accès à distance des agents de la collectivité.',
    compliance: {
      title: 'État de conformité',
      text: 'Nomades est non conforme avec le référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1.2 : aucun audit n’a encore été réalisé.',
    },
    results: {
      title: 'Résultats des tests',
      audit: 'Aucun audit de conformité au RGAA n’a encore été réalisé.',
      automated:
        'En attendant, chaque page est vérifiée automatiquement avec l’outil axe-core (règles WCAG 2.1, niveaux A et AA) dans la suite de tests automatisés du navigateur. Ces contrôles automatiques ne détectent qu’une partie des défauts possibles et ne remplacent pas un audit.',
    },
    nonAccessible: {
      title: 'Contenus non accessibles',
      text: 'Faute d’audit, les contenus non accessibles ne sont pas encore recensés. Ils seront listés ici après l’audit.',
    },
    establishment: {
      title: 'Établissement de cette déclaration',
      date: 'Cette déclaration a été établie le 23 novembre 2026.',
      technologiesTitle: 'Technologies utilisées pour la réalisation du portail',
      technologies: ['HTML5', 'CSS', 'JavaScript (React)', 'WAI-ARIA (React Aria)'],
      toolsTitle: 'Outils utilisés pour les vérifications automatiques',
      tools: ['axe-core', 'Chromium, piloté par Playwright'],
      pagesTitle: 'Pages vérifiées',
    },
    feedback: {
      title: 'Retour d’information et contact',
      text: 'Si vous n’arrivez pas à accéder à un contenu ou à un service, signalez-le pour être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme.',
      how: 'Contactez l’assistance informatique de la collectivité en précisant la page concernée, ce que vous cherchiez à faire et l’équipement utilisé (navigateur, lecteur d’écran, loupe…).',
    },
    recourse: {
      title: 'Voies de recours',
      text: 'Si vous avez signalé un défaut d’accessibilité qui vous empêche d’accéder à un contenu ou à un service du portail et que vous n’avez pas obtenu de réponse satisfaisante, vous pouvez :',
      onlineForm: 'écrire un message au Défenseur des droits (formulaire en ligne)',
      delegate: 'contacter le délégué du Défenseur des droits dans votre région',
      letter: 'envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) :',
      address: ['Défenseur des droits', 'Libre réponse 71120', '75342 Paris CEDEX 07'],
    },
  },
  apiReference: {
    title: 'Référence de l’API',
    lead: 'Le portail expose une API HTTP en JSON, décrite par un document OpenAPI 3.1. Les erreurs suivent le format RFC 9457 (application/problem+json).',
    download: 'Document OpenAPI (JSON)',
    apiVersion: (version: string) => `Version de l’API : ${version}`,
    tagsTitle: 'Sommaire',
    tagsLabel: 'Thèmes de l’API',
    operationCount: (count: number) => `${count} ${plural(count, 'opération', 'opérations')}`,
    operationId: 'Identifiant',
    parameters: 'Paramètres',
    requestBody: 'Corps de la requête',
    responses: 'Réponses',
    none: 'aucun',
    required: 'obligatoire',
    inlineSchema: 'objet décrit sur place',
    noContent: 'sans contenu décrit',
    untagged: 'Autres',
  },
  notFound: {
    title: 'Page introuvable',
    text: (path: string) => `L’adresse ${path} ne correspond à aucune page du portail.`,
    hint: 'Si vous l’avez saisie, vérifiez son orthographe.',
    backHome: 'Revenir à l’accueil',
  },
  ...frAuth,
  ...frAccount,
};

export type Dictionary = typeof fr;

// French counts 0 and 1 as singular.
function plural(count: number, one: string, other: string): string {
  if (count < 2) return one;
  return other;
}
