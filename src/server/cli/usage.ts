// What `nomades help` prints, and the error that sends it to stderr with exit code 2.

export const usage = `Usage : nomades <commande> [options]

Administration de Nomades. Même configuration que le portail : DATABASE_URL (PostgreSQL) ou,
sans elle, la base embarquée dans DATA_DIR (un seul processus à la fois : arrêtez le portail avant).
La base est mise à jour (migrations) avant chaque commande. Résultats en JSON sur la sortie standard.

Commandes :
  department create --code CODE --name NOM
      Crée une direction (ex. --code DSIN --name "Direction des systèmes d'information et du numérique").

  account create --badge MATRICULE --email E-MAIL --first PRÉNOM --last NOM --department CODE
                 [--role RÔLE] [--job-profile CODE] [--manager MATRICULE] [--job-title INTITULÉ]
      Crée un agent et son compte ; affiche une seule fois son mot de passe temporaire.
      RÔLE : manager, hr_officer, it_support (portée : sa direction),
             security_officer, administrator (portée : toute l'organisation).
      Profil métier par défaut : agent-administratif.

  account list [--department CODE]
      Liste les comptes, une ligne JSON par compte (JSON Lines, pour jq ou un tableur).

  account temporary-password --badge MATRICULE
      Donne un nouveau mot de passe temporaire à l'agent (à changer à la prochaine connexion).

  account enrolment-code --badge MATRICULE
      Donne à l'agent un code d'enrôlement (XXXX-XXXX, valable 72 h) pour enregistrer une deuxième
      méthode de vérification depuis l'extérieur du réseau de la ville. Il remplace le code précédent.

  audit verify
      Recalcule la chaîne d'empreintes du journal d'audit ; code de sortie 1 et première entrée
      altérée ou manquante si le journal a été modifié.

  scim-token create --name NOM
      Émet un jeton SCIM pour un SIRH ou une synchronisation d'annuaire (Authorization: Bearer, sur
      /scim/v2) ; affiche une seule fois {"token", "name", "id"} : seule son empreinte est conservée.

  scim-token list
      Liste les jetons SCIM (JSON Lines) : nom, création, dernière utilisation, révocation.

  scim-token revoke --id ID
      Révoque un jeton SCIM : les appels suivants faits avec lui sont refusés (401).

  migrate
      Met la base à jour et installe les profils métier et les grades de référence.

  seed [--agents N]
      Installe l'organisation de démonstration (300 agents par défaut) dans une base vide.

  help
      Affiche cette aide.

Codes de sortie : 0 succès, 1 refus ou erreur (message sur stderr), 2 commande ou options invalides.

Premier administrateur d'un nouveau déploiement :
  nomades department create --code DSIN --name "Direction des systèmes d'information et du numérique"
  nomades account create --badge 1234567 --email prenom.nom@ville.fr --first Prénom --last Nom \\
                         --department DSIN --role administrator
`;

/** Bad or missing arguments: the message and the usage go to stderr, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
