import { z } from 'zod';

export const AnnouncementKind = z.enum(['maintenance', 'incident', 'information']);
export type AnnouncementKind = z.infer<typeof AnnouncementKind>;

// What an agent sees: title and body are plain text, to be shown escaped with their line breaks.
export const Announcement = z
  .object({
    id: z.uuid(),
    kind: AnnouncementKind,
    title: z.string(),
    body: z.string(),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime().nullable(),
    dismissible: z.boolean().describe('Vrai pour une information, que l’agent peut masquer'),
  })
  .meta({ id: 'Announcement' });
export type Announcement = z.infer<typeof Announcement>;

export const AnnouncementList = z.object({ items: z.array(Announcement) }).meta({ id: 'AnnouncementList' });
export type AnnouncementList = z.infer<typeof AnnouncementList>;

const TargetDepartment = z.object({ code: z.string(), name: z.string() });

export const PublishedAnnouncement = Announcement.extend({
  departments: z.array(TargetDepartment).describe('Directions visées ; vide : tout le monde, page de connexion comprise'),
  status: z.enum(['scheduled', 'current', 'ended']),
  createdBy: z.string().nullable(),
  updatedAt: z.iso.datetime(),
}).meta({ id: 'PublishedAnnouncement' });
export type PublishedAnnouncement = z.infer<typeof PublishedAnnouncement>;

export const PublishedAnnouncementList = z.object({ items: z.array(PublishedAnnouncement) }).meta({ id: 'PublishedAnnouncementList' });
export type PublishedAnnouncementList = z.infer<typeof PublishedAnnouncementList>;

const instant = z.iso.datetime({ offset: true, message: 'une date et une heure (ex. 2026-11-28T08:00:00+01:00)' });

export const AnnouncementFields = z
  .object({
    kind: AnnouncementKind,
    title: z.string().trim().min(1, { message: 'obligatoire' }).max(150, { message: '150 caractères au plus' }),
    body: z.string().trim().max(2000, { message: '2 000 caractères au plus' }).default(''),
    startsAt: instant,
    endsAt: instant.nullable().default(null),
    departmentCodes: z.array(z.string().trim().toUpperCase().max(16)).max(60).default([]).describe('Sigles des directions visées ; vide : tout le monde'),
  })
  .meta({ id: 'AnnouncementFields' });
export type AnnouncementFields = z.infer<typeof AnnouncementFields>;

export const IdParams = z.object({ id: z.uuid({ message: 'identifiant invalide' }) });

export const ServiceState = z.enum(['operational', 'degraded', 'unavailable']);
export type ServiceState = z.infer<typeof ServiceState>;

export const ServiceKind = z.enum(['portal', 'database', 'outbox', 'application']);
export type ServiceKind = z.infer<typeof ServiceKind>;

export const ServiceStatus = z
  .object({
    kind: ServiceKind,
    name: z.string().nullable().describe('Nom de l’application (kind « application ») ; sinon le nom vient de la traduction'),
    state: ServiceState,
    since: z.iso.datetime(),
    checkedAt: z.iso.datetime(),
  })
  .meta({ id: 'ServiceStatus' });
export type ServiceStatus = z.infer<typeof ServiceStatus>;

export const ServiceStateChange = z
  .object({
    kind: ServiceKind,
    name: z.string().nullable(),
    from: ServiceState,
    to: ServiceState,
    at: z.iso.datetime(),
  })
  .meta({ id: 'ServiceStateChange' });
export type ServiceStateChange = z.infer<typeof ServiceStateChange>;

export const ServiceStatusPage = z
  .object({
    services: z.array(ServiceStatus),
    incidents: z.array(Announcement).describe('Annonces d’incident des 90 derniers jours, les plus récentes d’abord'),
    stateChanges: z.array(ServiceStateChange).describe('Changements d’état relevés par les vérifications, 90 derniers jours'),
  })
  .meta({ id: 'ServiceStatusPage' });
export type ServiceStatusPage = z.infer<typeof ServiceStatusPage>;
