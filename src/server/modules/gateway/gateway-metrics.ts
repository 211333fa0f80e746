import { Counter, Histogram } from 'prom-client';
import type { Metrics } from '../../http/metrics.ts';

export type GatewayOutcome = 'allowed' | 'step_up' | 'denied' | 'signed_out' | 'upstream_error' | 'timeout' | 'too_large';

// Labelled by application slug: the administrators publish a bounded number of them.
export function createGatewayMetrics(metrics: Metrics) {
  const requests = new Counter({
    name: 'nomades_gateway_requests_total',
    help: 'Requêtes vers les applications publiées, par application, voie d’accès et issue',
    labelNames: ['application', 'channel', 'outcome'] as const,
    registers: [metrics.registry],
  });
  const upstreamSeconds = new Histogram({
    name: 'nomades_gateway_upstream_duration_seconds',
    help: 'Temps de réponse des applications publiées, jusqu’à leurs en-têtes',
    labelNames: ['application'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [metrics.registry],
  });
  return {
    count(application: string, channel: 'gateway' | 'forward_auth', outcome: GatewayOutcome) {
      requests.inc({ application, channel, outcome });
    },
    upstreamAnswered(application: string, seconds: number) {
      upstreamSeconds.observe({ application }, seconds);
    },
  };
}
export type GatewayMetrics = ReturnType<typeof createGatewayMetrics>;
