import type { Db } from '../../db/connection.ts';
import type { AccessLevel } from './application-access.ts';
import type { ApplicationCategory } from './applications.schema.ts';

type DemoApplication = {
  slug: string;
  name: string;
  description: string;
  category: ApplicationCategory;
  kind: 'link' | 'gateway';
  launchUrl: string;
  departments?: string[];
  roles?: string[];
  featuredBy?: string;
  inside?: AccessLevel;
  outside?: AccessLevel;
};

// The applications of a French city, as its agents would find them. Links lead to made-up addresses under
// paris.example; the gateway apps are old internal tools published under /apps/<slug>/ (the gateway's demo
// gives them their upstreams).
const demoApplications: readonly DemoApplication[] = [
  { slug: 'messagerie', name: 'Messagerie', description: 'Votre boîte aux lettres électronique professionnelle (webmail).', category: 'messaging', kind: 'link', launchUrl: 'https://webmail.paris.example/' },
  { slug: 'agenda', name: 'Agenda', description: 'Vos rendez-vous, les réunions de votre service et la réservation de salles.', category: 'messaging', kind: 'link', launchUrl: 'https://agenda.paris.example/' },
  { slug: 'chat', name: 'Messagerie instantanée', description: 'Discussions et salons d’équipe en direct (chat).', category: 'collaboration', kind: 'link', launchUrl: 'https://chat.paris.example/' },
  { slug: 'documents', name: 'Documents partagés', description: 'Les dossiers partagés de votre service, à consulter et modifier à plusieurs.', category: 'collaboration', kind: 'link', launchUrl: 'https://documents.paris.example/' },
  { slug: 'visio', name: 'Visioconférence', description: 'Réunions à distance, avec partage d’écran.', category: 'collaboration', kind: 'link', launchUrl: 'https://visio.paris.example/' },
  { slug: 'intranet', name: 'Intranet', description: 'Actualités de la collectivité, notes de service et annuaire des sites.', category: 'collaboration', kind: 'link', launchUrl: 'https://intranet.paris.example/', outside: 'password' },
  { slug: 'reservation-salles', name: 'Réservation de salles', description: 'Ancienne application de réservation des salles de réunion des sites.', category: 'collaboration', kind: 'gateway', launchUrl: '/apps/reservation-salles/' },
  { slug: 'sirh', name: 'Application RH (SIRH)', description: 'Carrières, paie et absences : l’outil des gestionnaires RH, publié par la DRH.', category: 'human_resources', kind: 'link', launchUrl: 'https://sirh.paris.example/', roles: ['hr_officer'], featuredBy: 'DRH', inside: 'second_factor' },
  { slug: 'ecoles', name: 'Logiciel de gestion des écoles', description: 'Effectifs, inscriptions scolaires et restauration des écoles.', category: 'business', kind: 'link', launchUrl: 'https://ecoles.paris.example/', departments: ['DASCO'], featuredBy: 'DASCO' },
  { slug: 'creches', name: 'Gestion des crèches', description: 'Places, inscriptions et présences des enfants dans les crèches municipales.', category: 'business', kind: 'link', launchUrl: 'https://creches.paris.example/', departments: ['DFPE'], featuredBy: 'DFPE' },
  { slug: 'astreintes-voirie', name: 'Astreintes voirie', description: 'Planning des astreintes et main courante des interventions sur la voie publique.', category: 'business', kind: 'gateway', launchUrl: '/apps/astreintes-voirie/', departments: ['DVD'], featuredBy: 'DVD' },
  { slug: 'action-sociale', name: 'Dossiers d’action sociale', description: 'Suivi des aides et des rendez-vous des usagers des centres d’action sociale.', category: 'business', kind: 'link', launchUrl: 'https://action-sociale.paris.example/', departments: ['CASVP'], featuredBy: 'CASVP' },
  { slug: 'assistance', name: 'Assistance informatique', description: 'Déclarer une panne, suivre vos demandes au support, trouver un mode d’emploi.', category: 'assistance', kind: 'link', launchUrl: 'https://assistance.paris.example/', outside: 'password' },
];

/**
 * Adds the demo applications missing from the registry (runs again safely). An app reserved to a department
 * the database does not have is skipped: with no department left its rule would open it to everyone.
 */
export async function seedDemoApplications(db: Db, now: Date): Promise<number> {
  const departments = new Map((await db.selectFrom('departments').select(['id', 'code']).execute()).map((d) => [d.code, d.id]));
  const rows = demoApplications.flatMap((app) => {
    const allowed = (app.departments ?? []).map((code) => departments.get(code));
    if (allowed.some((id) => id === undefined)) return [];
    return [
      {
        slug: app.slug,
        name: app.name,
        description: app.description,
        category: app.category,
        kind: app.kind,
        launch_url: app.launchUrl,
        allowed_department_ids: allowed as string[],
        allowed_roles: app.roles ?? [],
        inside_access: app.inside ?? 'password',
        outside_access: app.outside ?? 'second_factor',
        featured_department_id: (app.featuredBy && departments.get(app.featuredBy)) || null,
        created_at: now,
        updated_at: now,
      },
    ];
  });
  if (rows.length === 0) return 0;
  const inserted = await db.insertInto('applications').values(rows).onConflict((c) => c.column('slug').doNothing()).returning('id').execute();
  return inserted.length;
}
