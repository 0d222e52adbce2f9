# The service as one stateless process: `docker compose up` runs it next to
# Postgres with pgvector (docker-compose.yml). Node 20 on Debian bookworm, the
# platform the project is tested on.
FROM node:20-bookworm-slim

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3978 \
    npm_config_update_notifier=false

WORKDIR /app

# Dependencies first, so code changes reuse this layer. tsx runs the
# TypeScript sources directly (no build step), so it is a runtime dependency.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

COPY bot ./bot
COPY channels ./channels
COPY console ./console
COPY db ./db
COPY guardrails ./guardrails
COPY handoff ./handoff
COPY knowledge ./knowledge
COPY outbox ./outbox
COPY retrieval ./retrieval
COPY web ./web
COPY tsconfig.json ./

USER node
EXPOSE 3978 2525
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "--import", "tsx", "bot/server.ts"]
