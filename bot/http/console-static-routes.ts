import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';

const consoleDirectory = fileURLToPath(new URL('../../web/console/', import.meta.url));

/**
 * No inline script or style, no framing, no third-party anything: the console
 * shows customer text, so a strict policy keeps any markup that slips through
 * inert.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Only the console's own assets; its tests live in the same folder and are not served. */
const servedAsset = /^\/(?:[\w-]+\/)*(?:[\w-]+\.(?:html|js|css|svg))?$/;

/** The expert console's static files under `/console`, with strict security headers. */
export function createConsoleStaticRoutes(): Router {
  const router = Router();
  router.use('/console', (request, response, next) => {
    response.setHeader('Content-Security-Policy', contentSecurityPolicy);
    response.setHeader('X-Frame-Options', 'DENY');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    if (!servedAsset.test(request.path) || request.path.endsWith('.test.js')) {
      response.status(404).json({ error: { code: 'not_found', message: `No route for ${request.method} ${request.baseUrl}${request.path}` } });
      return;
    }
    next();
  });
  // `no-cache` revalidates on every load, so staff never run a stale console after a release.
  router.use(
    '/console',
    express.static(consoleDirectory, { index: 'index.html', setHeaders: (response) => response.setHeader('Cache-Control', 'no-cache') }),
  );
  return router;
}
