import type { Db } from '../../db/connection.ts';
import type { FaqCategory } from './faq-categories.ts';
import { columnsOf } from './faq.service.ts';

type DemoArticle = { slug: string; title: string; category: FaqCategory; body: string; published?: false };

// The questions the support desk hears most (connection and password first), pointing at the portal's own
// pages. One draft shows support what agents do not see yet.
const demoArticles: DemoArticle[] = [
  {
    slug: 'mot-de-passe-oublie',
    title: 'J’ai oublié mon mot de passe',
    category: 'mot_de_passe',
    body: `Pas de panique : vous pouvez en choisir un nouveau vous-même, sans appeler le support.

1. Sur la page de connexion, choisissez [Mot de passe oublié](/mot-de-passe-oublie).
2. Saisissez votre numéro de matricule (il figure sur votre carte professionnelle).
3. Ouvrez le lien reçu par courriel ou saisissez le code reçu par SMS. Il est valable **30 minutes**.
4. Choisissez un nouveau mot de passe : au moins 12 caractères, une phrase que vous retenez facilement fait très bien l’affaire.

Vous ne recevez rien ? Vérifiez vos courriels indésirables, puis [signalez-le au support](/connexion/aide).`,
  },
  {
    slug: 'compte-bloque',
    title: 'Mon compte est bloqué',
    category: 'connexion',
    body: `Après plusieurs mots de passe erronés, le portail ralentit les tentatives pour protéger votre compte : attendez quelques minutes avant de réessayer.

Si le message indique que votre compte est **suspendu** ou **verrouillé**, seul le support peut le débloquer :

- depuis la page de connexion, suivez [Je n’arrive pas à me connecter](/connexion/aide) ;
- indiquez votre matricule et un numéro où vous rappeler.

Le support ne vous demandera **jamais** votre mot de passe, ni par téléphone ni par courriel.`,
  },
  {
    slug: 'application-authentification',
    title: 'Configurer l’application d’authentification',
    category: 'connexion',
    body: `Hors du réseau de la Ville, le portail demande une deuxième vérification. L’application d’authentification est la méthode la plus sûre.

1. Installez une application d’authentification sur votre téléphone (FreeOTP, Aegis, Google Authenticator…).
2. Sur le portail, ouvrez [Mon compte › Vérification](/compte/verification) et choisissez « Ajouter une application ».
3. Scannez le QR code affiché, puis saisissez le code à six chiffres donné par l’application.
4. Notez les **codes de secours** proposés et gardez-les en lieu sûr.

Vous changez de téléphone ? Ajoutez le nouveau avant d’effacer l’ancien.`,
  },
  {
    slug: 'telephone-perdu',
    title: 'J’ai perdu le téléphone qui me sert à me connecter',
    category: 'connexion',
    body: `Utilisez l’un de vos **codes de secours** pour vous connecter, puis retirez l’ancien téléphone dans [Mon compte › Vérification](/compte/verification).

Sans code de secours, [demandez au support](/connexion/aide) de réinitialiser votre deuxième vérification : il vérifiera votre identité en vous rappelant.

Pensez aussi à [fermer les sessions ouvertes](/compte/sessions) sur les appareils que vous n’avez plus.`,
  },
  {
    slug: 'carte-professionnelle-perdue',
    title: 'J’ai perdu ma carte professionnelle',
    category: 'carte',
    body: `Déclarez la perte dès que possible depuis [Ma carte](/ma-carte) : la carte est aussitôt désactivée (accès aux bâtiments et aux imprimantes).

Une nouvelle carte est demandée à votre service RH ; vous serez prévenu quand elle sera prête à retirer. En attendant, l’accueil de votre site peut vous remettre un badge provisoire.`,
  },
  {
    slug: 'messagerie-depuis-chez-moi',
    title: 'Accéder à ma messagerie depuis chez moi',
    category: 'messagerie',
    body: `Votre messagerie est accessible depuis n’importe quel navigateur :

1. Connectez-vous au portail depuis chez vous (une deuxième vérification vous sera demandée).
2. Dans [Mes applications](/applications), ouvrez **Messagerie**.

Sur votre téléphone personnel, préférez le navigateur à une application de messagerie : rien n’est alors enregistré sur l’appareil.

L’adresse de la messagerie ne répond pas ? Consultez l’[état des services](/etat-des-services) avant de faire une demande.`,
  },
  {
    slug: 'bulletin-de-paie',
    title: 'Télécharger mon bulletin de paie',
    category: 'rh',
    body: `Vos bulletins de paie sont dans [Mes bulletins](/mes-bulletins), du plus récent au plus ancien, dès leur mise en ligne par la paie (en général le 25 du mois).

- Choisissez le mois, puis **Télécharger** : vous obtenez un PDF identique à la version papier.
- Besoin d’une attestation (employeur, salaire) ? Elles se demandent depuis [Mes attestations](/mes-attestations).

Une erreur sur votre bulletin ? Adressez-vous à votre gestionnaire RH.`,
  },
  {
    slug: 'changer-mot-de-passe',
    title: 'Changer mon mot de passe',
    category: 'mot_de_passe',
    body: `Une fois connecté, ouvrez [Mon compte › Mot de passe](/compte/mot-de-passe). Saisissez l’actuel, puis le nouveau.

Un bon mot de passe est **long** plutôt que compliqué : trois ou quatre mots sans rapport entre eux, par exemple. Le portail refuse les mots de passe connus pour avoir fuité.

Changer de mot de passe ferme vos autres sessions.`,
  },
  {
    slug: 'imprimante-ne-fonctionne-pas',
    title: 'L’imprimante de mon service ne fonctionne pas',
    category: 'materiel',
    body: `Avant de faire une demande :

- vérifiez que l’imprimante est allumée et qu’elle a du papier ;
- passez votre carte professionnelle sur le lecteur : les impressions sont libérées à l’imprimante ;
- essayez une autre imprimante du site.

Toujours en panne ? [Faites une demande d’assistance](/aide/demande) en indiquant le numéro collé sur l’imprimante.`,
  },
  {
    slug: 'voir-mes-connexions',
    title: 'Vérifier qui s’est connecté à mon compte',
    category: 'connexion',
    body: `L’[historique de votre compte](/compte/historique) liste les connexions, les changements de mot de passe et de méthode de vérification.

Une connexion que vous ne reconnaissez pas ? [Fermez toutes vos sessions](/compte/sessions), changez votre mot de passe et prévenez le support.`,
  },
  {
    slug: 'teletravail-vpn',
    title: 'Travailler à distance sans VPN',
    category: 'autre',
    published: false,
    body: `Brouillon — à compléter avec la liste des applications publiées par la passerelle.`,
  },
];

/** The demo help centre; an article already there (same address) is left as support last wrote it. */
export async function seedDemoFaq(db: Db, now: Date): Promise<number> {
  const rows = demoArticles.map((article) => ({
    ...columnsOf({ title: article.title, category: article.category, body: article.body, published: article.published ?? true }),
    slug: article.slug,
    created_at: now,
    updated_at: now,
  }));
  const inserted = await db.insertInto('faq_articles').values(rows).onConflict((c) => c.column('slug').doNothing()).returning('id').execute();
  return inserted.length;
}
