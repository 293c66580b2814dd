# syntax=docker/dockerfile:1
# One image for the four apps; the command picks the app (see docker-compose.yml):
#   node --enable-source-maps dist/apps/<worker|notification|reporting|intake>/src/main.js

# Node 24 LTS. npm pinned to the version that honours package.json "allowScripts"
# (dependency install scripts blocked unless approved there).
FROM node:24-bookworm-slim AS base
ARG NPM_VERSION=11.19.1
RUN npm install --global "npm@${NPM_VERSION}" --no-audit --no-fund
WORKDIR /app

# Build: all dependencies, tsc into dist/ and the prebuilt workflow bundle.
FROM base AS build
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# Runtime: production dependencies and dist/ only, run as the unprivileged "node" user.
FROM base AS runtime
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund
COPY --from=build /app/dist ./dist
# Ticket attachments (intake): a volume in compose; created here so that it belongs to "node".
RUN mkdir -p /app/data/attachments && chown -R node:node /app/data && chmod 700 /app/data/attachments
USER node
# 3003: the ticket worker's GET /health (WORKER_HEALTH_PORT), for its container's checks.
EXPOSE 3000 3001 3002 3003
# For the default command (intake); compose gives each app its own check.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.INTAKE_PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Exec form: node itself gets SIGTERM (docker stop) and its Nest shutdown hooks drain and close
# the app. As PID 1 (no --init) the signal Nest re-raises afterwards is ignored; node still
# exits, with code 0, as each app's event loop is empty once its shutdown hooks have run.
CMD ["node", "--enable-source-maps", "dist/apps/intake/src/main.js"]
