// Sign-in, its steps, passwords and second factors. Part of the French dictionary (see fr.ts).
const plural = (count: number, one: string, other: string) => (count < 2 ? one : other);

export const frAuth = {
  notices: {
    expired: {
      title: 'Votre session a expiré',
      text: 'Pour protéger votre compte, vous avez été déconnecté après une période d’inactivité. Reconnectez-vous pour revenir là où vous étiez.',
    },
    signedOut: { title: 'Vous êtes déconnecté', text: 'À bientôt. Pensez à fermer le navigateur si l’ordinateur est partagé.' },
    signInRequired: { title: 'Connectez-vous pour accéder à cette page', text: '' },
    notMe: {
      title: 'Votre signalement a été enregistré',
      text: 'Toutes vos sessions ont été fermées et l’assistance informatique a été alertée. À votre prochaine connexion, vous devrez choisir un nouveau mot de passe.',
    },
    passwordReset: {
      title: 'Votre mot de passe a été changé',
      text: 'Connectez-vous avec votre nouveau mot de passe. Vos sessions ouvertes sur d’autres appareils ont été fermées.',
    },
  },
  idle: {
    title: 'Votre session va bientôt expirer',
    text: (time: string) => `Sans activité de votre part, vous serez déconnecté à ${time} pour protéger votre compte.`,
    hint: 'Voulez-vous rester connecté ?',
    stay: 'Rester connecté',
    signOut: 'Se déconnecter',
  },
  passwordExpiry: {
    title: (date: string) => `Votre mot de passe expire le ${date}`,
    text: 'Changez-le dès maintenant : après cette date, il faudra le changer avant de pouvoir utiliser le portail.',
    action: 'Changer mon mot de passe',
  },
  signIn: {
    title: 'Connexion',
    lead: 'Connectez-vous avec votre numéro de badge ou votre adresse électronique professionnelle.',
    failedTitle: 'Connexion impossible',
    identifier: 'Numéro de badge ou adresse électronique professionnelle',
    identifierHelp: (domain: string) =>
      `Le numéro de badge compte 7 chiffres : il figure en haut à gauche de votre bulletin de paie et sur votre carte professionnelle. Votre adresse professionnelle se termine par @${domain}.`,
    password: 'Mot de passe',
    passwordHelp: 'Après 5 essais incorrects, le compte est bloqué pendant 30 minutes.',
    forgotten: 'Mot de passe oublié ?',
    cannotSignIn: 'Je n’arrive pas à me connecter\u00a0: demander de l’aide',
    submit: 'Se connecter',
    submitting: 'Connexion en cours…',
    lostIdentifier: {
      title: 'Vous ne connaissez plus votre identifiant ?',
      text: 'Il n’existe pas de récupération automatique de l’identifiant. Votre numéro de badge figure sur votre bulletin de paie et sur votre carte professionnelle ; sinon, demandez-le au service des ressources humaines de votre direction.',
    },
    firstTime: {
      title: 'Première connexion',
      text: 'Utilisez le mot de passe provisoire remis par votre service des ressources humaines. Vous choisirez ensuite votre propre mot de passe.',
    },
  },
  signInProgress: {
    second_factor: 'Votre mot de passe est correct. Dernière étape : confirmez qu’il s’agit bien de vous.',
    change_password: 'Votre mot de passe est correct, mais il doit être remplacé avant de continuer.',
    enrol_second_factor: 'Votre mot de passe est enregistré. Dernière étape : protégez votre compte par une vérification en deux étapes.',
  },
  newPasswordStep: {
    title: 'Choisissez un nouveau mot de passe',
    lead: 'Votre mot de passe actuel est provisoire, a expiré, ou doit être remplacé par mesure de sécurité.',
    currentPassword: 'Mot de passe actuel (ou provisoire)',
    submit: 'Enregistrer le nouveau mot de passe',
  },
  secondFactorStep: {
    title: 'Vérification en deux étapes',
    lead: 'Hors du réseau de la collectivité, une seconde vérification protège votre compte même si votre mot de passe est connu d’un tiers.',
    chooseMethod: 'Méthode de vérification',
    methods: {
      totp: 'Application d’authentification',
      sms: 'Code reçu par SMS',
      webauthn: 'Clé d’accès (passkey)',
      recovery_code: 'Code de secours',
    },
    useRecoveryCode: 'Je n’ai pas accès à ma méthode : utiliser un code de secours',
    backToMethods: 'Revenir à ma méthode de vérification',
    noMethodLeft:
      'Vous n’avez plus accès à aucune méthode ni à vos codes de secours ? Contactez l’assistance informatique : elle vérifiera votre identité et vous remettra un code d’enrôlement.',
    code: 'Code à 6 chiffres',
    recoveryCode: 'Code de secours',
    codeHelp: {
      totp: 'Ouvrez votre application d’authentification et saisissez le code affiché pour Nomades.',
      sms: 'Saisissez le code reçu par SMS.',
      recovery_code: 'Un des codes de secours que vous avez imprimés ou enregistrés (par exemple ABCDE-23456). Chaque code ne sert qu’une fois.',
    },
    codeFormat: 'Le code compte 6 chiffres.',
    verify: 'Vérifier',
    sms: {
      intro: 'Nous envoyons un code au numéro de mobile enregistré pour votre compte. Il est valable 5 minutes.',
      send: 'M’envoyer un code par SMS',
      resend: 'Renvoyer un code',
      sent: 'Un code vient d’être envoyé par SMS. Il est valable 5 minutes.',
    },
    passkey: {
      intro: 'Utilisez la clé d’accès enregistrée sur cet appareil ou sur votre clé de sécurité : votre navigateur vous guidera (empreinte, visage, code PIN…).',
      action: 'Utiliser ma clé d’accès',
    },
  },
  passkey: {
    cancelled: 'La clé d’accès n’a pas été utilisée (opération annulée ou délai dépassé). Vous pouvez réessayer.',
    alreadyRegistered: 'Cette clé d’accès est déjà enregistrée pour votre compte.',
    unsupported: 'Ce navigateur ne permet pas d’utiliser les clés d’accès. Choisissez une autre méthode ou un autre navigateur.',
    failed: 'La clé d’accès n’a pas pu être utilisée. Réessayez, ou choisissez une autre méthode.',
  },
  passwordRules: {
    title: 'Votre nouveau mot de passe doit respecter ces règles :',
    summary: (failed: number, known: number) =>
      failed === 0
        ? `Les ${known} règles vérifiées sont respectées.`
        : `${failed} ${plural(failed, 'règle non respectée', 'règles non respectées')} sur ${known} ${plural(known, 'vérifiée', 'vérifiées')}.`,
    states: {
      todo: 'À respecter :',
      ok: 'Respectée :',
      failed: 'Non respectée :',
      pending: 'Vérification en cours :',
      later: 'Vérifiée à l’envoi :',
    },
    rules: {
      composition:
        'au moins 12 caractères avec majuscules, minuscules, chiffres et symboles ; ou au moins 14 caractères avec majuscules, minuscules et chiffres ; ou une phrase de passe d’au moins 7 mots.',
      strength: 'une robustesse estimée d’au moins 80 bits : plus il est long et varié, plus il est robuste.',
      personal_information: 'ne contient ni votre nom, ni votre prénom, ni votre numéro de badge, ni votre adresse électronique.',
      common_password: 'n’est pas un mot de passe courant ou prévisible (mot du dictionnaire, suite de touches, date…).',
      reused: 'n’est aucun de vos 12 derniers mots de passe.',
      too_long: 'Le mot de passe ne doit pas dépasser 256 caractères.',
    },
    newPassword: 'Nouveau mot de passe',
    newPasswordHelp: 'Les règles ci-dessous se cochent au fur et à mesure de la saisie.',
    notAllOk: 'Ce mot de passe ne respecte pas toutes les règles.',
    confirmation: 'Confirmation du nouveau mot de passe',
    mismatch: 'Les deux mots de passe ne sont pas identiques.',
  },
  changePassword: {
    title: 'Changer mon mot de passe',
    lead: 'Votre nouveau mot de passe remplacera l’actuel sur tous vos appareils.',
    currentPassword: 'Mot de passe actuel',
    submit: 'Changer le mot de passe',
    refusedTitle: 'Le mot de passe n’a pas été changé',
    done: 'Votre mot de passe a été changé',
    doneText: 'Vos sessions ouvertes sur d’autres appareils ont été fermées. Un message de confirmation a été envoyé à votre adresse professionnelle.',
    expiresOn: (date: string) => `Votre mot de passe actuel expire le ${date}.`,
  },
  forgottenPassword: {
    title: 'Mot de passe oublié',
    lead: 'Indiquez votre identifiant : nous enverrons un lien pour choisir un nouveau mot de passe à votre adresse électronique professionnelle.',
    submit: 'Recevoir un lien',
    sentTitle: 'Vérifiez votre messagerie professionnelle',
    sentText:
      'Si un compte correspond à cet identifiant, un lien valable 30 minutes a été envoyé à l’adresse électronique professionnelle de l’agent. Il ne sert qu’une fois ; une nouvelle demande annule le lien précédent.',
    sentHint: 'Rien reçu après quelques minutes ? Vérifiez le dossier des courriers indésirables, puis refaites une demande.',
    backToSignIn: 'Revenir à la connexion',
    noMailbox: {
      title: 'Votre messagerie professionnelle n’est pas encore active ?',
      text: 'Contactez l’assistance informatique : après avoir vérifié votre identité, elle peut vous remettre un mot de passe provisoire.',
    },
  },
  resetPassword: {
    title: 'Choisir un nouveau mot de passe',
    lead: 'Ce lien est valable 30 minutes et ne sert qu’une fois.',
    missingTitle: 'Lien incomplet',
    missingText: 'L’adresse ouverte ne contient pas de lien de réinitialisation valable. Ouvrez le lien complet reçu par courriel, ou faites une nouvelle demande.',
    invalidTitle: 'Ce lien n’est plus valable',
    invalidText: 'Il a déjà servi, a été remplacé par une demande plus récente, ou a expiré au bout de 30 minutes.',
    askAgain: 'Faire une nouvelle demande',
    noUsableMethod:
      'Votre compte est protégé par une clé d’accès, qui ne peut pas servir ici, et il ne vous reste aucun code de secours. Contactez l’assistance informatique.',
    verificationTitle: 'Vérification de votre identité',
    verificationText: 'Votre compte est protégé par une vérification en deux étapes : elle est aussi demandée pour changer de mot de passe.',
    chooseMethod: 'Méthode de vérification',
    submit: 'Enregistrer le nouveau mot de passe',
  },
  enrolmentStep: {
    title: 'Protégez votre compte',
    lead: 'Hors du réseau de la collectivité, votre direction demande une vérification en deux étapes. Enregistrez maintenant une méthode : elle vous sera demandée à chaque connexion depuis l’extérieur.',
    continue: 'Continuer vers le portail',
  },
  enrolment: {
    advice:
      'L’ANSSI recommande une application d’authentification ou une clé d’accès plutôt que le SMS, qui peut être intercepté ou détourné (par exemple par le vol de votre numéro).',
    chooseKind: 'Méthode à ajouter',
    kinds: {
      totp: { name: 'Application d’authentification (recommandée)', hint: 'Un code à 6 chiffres, renouvelé toutes les 30 secondes sur votre téléphone.' },
      webauthn: { name: 'Clé d’accès (recommandée)', hint: 'Votre empreinte, votre visage ou le code de votre appareil, ou une clé de sécurité USB.' },
      sms: { name: 'SMS (moins sûr)', hint: 'Un code envoyé sur votre téléphone mobile à chaque connexion.' },
    },
    enrolmentCode: 'Code d’enrôlement',
    enrolmentCodeHelp:
      'Depuis l’extérieur du réseau de la collectivité, saisissez le code remis par l’assistance informatique. Depuis un poste de la collectivité, il n’est pas nécessaire.',
    totp: {
      intro:
        'Installez d’abord sur votre téléphone une application d’authentification, par exemple FreeOTP, Aegis, Microsoft Authenticator ou Google Authenticator.',
      start: 'Afficher le QR code',
      scan: 'Dans l’application, ajoutez un compte et scannez ce QR code.',
      qrAlt: 'QR code à scanner avec votre application d’authentification',
      openOnPhone: 'Vous êtes sur votre téléphone ? Ouvrir directement dans l’application',
      manual: 'Impossible de scanner ? Saisissez cette clé dans l’application :',
      manualHint: 'Type de compte : basé sur le temps (TOTP), 6 chiffres, 30 secondes.',
      enterCode: 'Saisissez le code affiché par l’application pour confirmer.',
      code: 'Code à 6 chiffres',
      confirm: 'Confirmer',
    },
    sms: {
      warning: 'Le SMS est la méthode la moins sûre : préférez une application d’authentification ou une clé d’accès si vous le pouvez.',
      phone: 'Numéro de téléphone mobile',
      phoneHelp: 'Par exemple 06 12 34 56 78, ou +33 6 12 34 56 78.',
      send: 'Envoyer un code de confirmation',
      sent: 'Un code a été envoyé à ce numéro. Il est valable 5 minutes.',
      code: 'Code reçu par SMS',
      confirm: 'Confirmer',
      changeNumber: 'Changer de numéro',
    },
    passkey: {
      intro:
        'Une clé d’accès est enregistrée sur cet appareil (ou sur une clé de sécurité) et se déverrouille avec votre empreinte, votre visage ou votre code. Elle ne fonctionne que sur ce portail : un faux site ne peut pas s’en servir.',
      label: 'Nom de cette clé d’accès (facultatif)',
      labelHelp: 'Pour la reconnaître dans la liste, par exemple « Téléphone professionnel ».',
      create: 'Créer une clé d’accès',
    },
  },
  reauth: {
    title: 'Confirmez votre mot de passe',
    text: 'Cette modification touche à la sécurité de votre compte : confirmez d’abord votre mot de passe. La confirmation vaut 5 minutes.',
    password: 'Mot de passe',
    confirm: 'Confirmer',
  },
  recoveryCodes: {
    title: 'Vos codes de secours',
    intro:
      'Si vous n’avez plus accès à votre méthode de vérification (téléphone perdu, clé oubliée), chacun de ces codes permet de vous connecter une fois.',
    once: 'Ils ne seront plus jamais affichés : imprimez-les ou enregistrez-les maintenant, et gardez-les en lieu sûr, ailleurs que sur votre téléphone.',
    download: 'Télécharger (fichier texte)',
    print: 'Imprimer',
    kept: 'J’ai conservé mes codes de secours en lieu sûr',
    fileName: 'nomades-codes-de-secours.txt',
    fileTitle: (org: string) => `Codes de secours Nomades — ${org}`,
    fileDate: (date: string) => `Générés le ${date}`,
    fileHint: 'Chaque code ne sert qu’une fois. Gardez ce document en lieu sûr.',
  },
};

export type AuthDictionary = typeof frAuth;
