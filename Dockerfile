# syntax=docker/dockerfile:1
# SkillsU app image: one instance per container, behind nginx (deploy/nginx.conf). See docs/deploy.md.
#   docker build --build-arg SKILLSU_BUILD_COMMIT=$(git rev-parse --short=12 HEAD) -t skillsu .
#   docker run --rm --env-file prod.env skillsu npm run db:migrate     # once per release
#   docker run -d --env-file prod.env -p 3000:3000 skillsu
# Not `output: 'standalone'`: scripts/start.ts (migrations, trusted-proxy client address, clean
# SIGTERM) is the server, and it runs from the source tree under tsx (docs/deploy.md explains).

ARG NODE_IMAGE=node:20-bookworm-slim

# --- all dependencies, for the build
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# --- the production build
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# The build has no .git: the commit shown on the operations page comes from here.
ARG SKILLSU_BUILD_COMMIT=unknown
ENV SKILLSU_BUILD_COMMIT=${SKILLSU_BUILD_COMMIT}
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npx next build && rm -rf .next/cache node_modules

# --- runtime dependencies only (tsx, next, drizzle, sharp, argon2, ioredis, ... are dependencies)
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# --- the runtime
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
# pg_dump/pg_restore for `npm run db:backup` / `db:restore` run from this image.
RUN apt-get update \
  && apt-get install -y --no-install-recommends postgresql-client \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOST=0.0.0.0 \
    PORT=3000
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app ./
# The only places the app writes: Next's image cache and .data (unused with DATABASE_URL and
# NEXTAUTH_SECRET set, as in production). Everything else stays owned by root, read-only to the app.
RUN mkdir -p .next/cache .data && chown -R node:node .next/cache .data
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--import", "tsx", "scripts/start.ts", "--no-build"]
