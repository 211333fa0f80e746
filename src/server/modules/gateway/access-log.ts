import type { AppContext } from '../../app-context.ts';
import { recordApplicationAccess } from '../applications/applications.repo.ts';
import type { GatewayMetrics, GatewayOutcome } from './gateway-metrics.ts';
import type { PublishedApp } from './published-apps.ts';

type Logged = {
  channel: 'gateway' | 'forward_auth';
  outcome: GatewayOutcome;
  agentId: string | null;
  zone: 'internal' | 'external' | null;
  detail?: string | null;
};

/**
 * Every request is counted in the metrics; the per-application log keeps what a person reading it wants:
 * the pages opened (not each image or script of the page), every WebSocket, every refusal of a page, and every
 * failure of the app. An anonymous visitor sent to sign in is not an access yet.
 */
export async function recordVisit(ctx: AppContext, metrics: GatewayMetrics, app: PublishedApp, logged: Logged, worthLogging: boolean): Promise<void> {
  metrics.count(app.slug, logged.channel, logged.outcome);
  const { outcome } = logged;
  if (outcome === 'signed_out') return;
  const failure = outcome === 'upstream_error' || outcome === 'timeout';
  if (!worthLogging && !failure) return;
  await recordApplicationAccess(ctx.db, {
    applicationId: app.id,
    agentId: logged.agentId,
    at: ctx.clock.now(),
    channel: logged.channel,
    outcome: failure ? 'upstream_error' : outcome === 'too_large' ? 'denied' : outcome,
    networkZone: logged.zone,
    detail: logged.detail ?? null,
  });
}
