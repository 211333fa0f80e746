import type { Db } from '../../db/connection.ts';
import * as announcements from './announcements.repo.ts';
import type { ServiceKind, ServiceState, ServiceStatusPage } from './announcements.schema.ts';
import { announcementView } from './announcements.service.ts';
import * as repo from './service-status.repo.ts';

const HISTORY_DAYS = 90;

const kindOf = (key: string): ServiceKind => (key.startsWith('application:') ? 'application' : (key as ServiceKind));

/** What anyone may know: the services' current state and the last 90 days of incidents. */
export async function serviceStatus(db: Db, now: Date): Promise<ServiceStatusPage> {
  const since = new Date(now.getTime() - HISTORY_DAYS * 86_400_000);
  const [services, incidents, changes] = await Promise.all([
    repo.checkedServices(db),
    announcements.publicIncidentsSince(db, since, now),
    repo.stateChangesSince(db, since),
  ]);
  return {
    services: services.map((row) => ({
      kind: kindOf(row.service_key),
      name: row.name,
      state: row.state as ServiceState,
      since: row.since.toISOString(),
      checkedAt: row.checked_at.toISOString(),
    })),
    incidents: incidents.map(announcementView),
    stateChanges: changes.map((row) => ({
      kind: kindOf(row.service_key),
      name: row.service_name,
      from: row.from_state as ServiceState,
      to: row.to_state as ServiceState,
      at: row.at.toISOString(),
    })),
  };
}
