import { Router } from 'express';
import type { ServiceMetrics } from '../observability/service-metrics.js';
import { createBearerTokenCheck } from './bearer-token-check.js';

/**
 * `GET /metrics` in the Prometheus text format, for a scraper holding
 * OPERATIONS_API_TOKEN (Prometheus: `authorization: { credentials: <token> }`).
 * Without that setting the endpoint is switched off: metrics name channels,
 * reasons and volumes, which are not for the public.
 */
export function createMetricsRoutes(dependencies: { metrics: ServiceMetrics; token: string | undefined }): Router {
  const router = Router();
  const checkToken = createBearerTokenCheck(dependencies.token, 'OPERATIONS_API_TOKEN');
  router.get('/metrics', async (request, response) => {
    checkToken(request);
    const { registry } = dependencies.metrics;
    response.setHeader('Content-Type', registry.contentType);
    response.setHeader('Cache-Control', 'no-store');
    response.send(await registry.metrics());
  });
  return router;
}
