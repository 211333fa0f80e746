import { z } from 'zod';
import { humanText } from '../../http/schema-helpers.ts';

export const DirectoryQuery = z
  .object({
    q: humanText(100).pipe(z.string().trim()).optional(),
    department: z.string().trim().toUpperCase().regex(/^[A-Z][A-Z0-9-]{1,15}$/, { message: 'un sigle de direction' }).optional(),
    service: z.uuid({ message: 'identifiant de service invalide' }).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
    offset: z.coerce.number().int().min(0).max(10_000).default(0),
  })
  .strict();
export type DirectoryQuery = z.infer<typeof DirectoryQuery>;

const Person = z.object({ id: z.string(), firstName: z.string(), lastName: z.string(), jobTitle: z.string() });

// Professional information only: what a colleague may know. Never status, grade, personal data.
export const DirectoryEntry = z
  .object({
    id: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    jobTitle: z.string(),
    department: z.object({ code: z.string(), name: z.string() }),
    service: z.object({ id: z.string(), name: z.string() }).nullable(),
    unit: z.object({ id: z.string(), name: z.string() }).nullable(),
    site: z.object({ name: z.string(), address: z.string(), postalCode: z.string(), city: z.string() }).nullable(),
    professionalPhone: z.string().nullable(),
    email: z.string(),
    manager: Person.nullable(),
  })
  .meta({ id: 'DirectoryEntry' });
export type DirectoryEntry = z.infer<typeof DirectoryEntry>;

export const DirectoryPage = z.object({ items: z.array(DirectoryEntry), hasMore: z.boolean() }).meta({ id: 'DirectoryPage' });

export const DirectoryEntryDetail = DirectoryEntry.extend({ directReports: z.array(Person) }).meta({ id: 'DirectoryEntryDetail' });

const UnitNode = z.object({ id: z.string(), name: z.string(), manager: Person.nullable(), headcount: z.number().int() });
const ServiceNode = z.object({ id: z.string(), code: z.string(), name: z.string(), head: Person.nullable(), headcount: z.number().int(), units: z.array(UnitNode) });
export const OrganisationChart = z
  .object({
    department: z.object({ code: z.string(), name: z.string() }),
    director: Person.nullable(),
    headcount: z.number().int(),
    services: z.array(ServiceNode),
  })
  .meta({ id: 'OrganisationChart' });
export type OrganisationChart = z.infer<typeof OrganisationChart>;

export const MyContacts = z
  .object({ manager: DirectoryEntry.nullable(), hrContacts: z.array(DirectoryEntry) })
  .meta({ id: 'MyContacts' });
