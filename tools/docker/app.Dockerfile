# syntax=docker/dockerfile:1
# __APP__ image. Build from the repository root:
#   docker build -f apps/__APP__/Dockerfile -t bff/__APP__ .
# The image holds the webpack bundle (the app, its libs and the npm packages it uses) and only
# the few packages the bundle leaves external, listed in the package.json that the build
# generates for this app (tools/webpack/externals.js, docs/startup.md).

ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /workspace
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN NX_DAEMON=false NX_NO_CLOUD=true npx nx run __APP__:build

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY --from=build /workspace/dist/apps/__APP__/package.json /workspace/dist/apps/__APP__/package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
# The API on PORT; health, metrics and docs on ADMIN_PORT only. Outside production an empty
# ADMIN_PORT serves everything on PORT, as docker-compose.yml does for local use.
# NODE_COMPILE_CACHE: Node's compile cache, filled below (docs/startup.md).
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=__PORT__ \
    ADMIN_PORT=9000 \
    NODE_COMPILE_CACHE=/app/.node-compile-cache
WORKDIR /app
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /workspace/dist/apps/__APP__ ./
COPY --from=build --chmod=755 /workspace/tools/docker/heap-from-limit.sh /usr/local/bin/heap-from-limit
COPY --from=build /workspace/tools/docker/warm-compile-cache.cjs /usr/local/lib/warm-compile-cache.cjs
# Compile every module once, now: the app loads them all and exits before it listens or connects
# (warm-compile-cache.cjs), with development settings so it needs no secrets. Each container then
# starts from code already compiled, even with the read-only root filesystem of deploy/k8s.
RUN NODE_ENV=test LOG_LEVEL=error PORT=0 PGLITE_DIR=memory:// DATABASE_URL= SEED_DEMO_DATA=false \
      SERVICE_KEYS_DIR=/tmp/warm-keys node -r /usr/local/lib/warm-compile-cache.cjs main.js \
    && rm -rf /tmp/warm-keys && chown -R node:node "$NODE_COMPILE_CACHE"
USER node
EXPOSE __PORT__ 9000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.ADMIN_PORT || process.env.PORT || __PORT__) + '/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# V8's heap sized from the container's memory limit (heap-from-limit.sh), which then execs the
# command: exec form, no shell left in between, so SIGTERM reaches node directly and starts a
# graceful shutdown.
ENTRYPOINT ["/usr/local/bin/heap-from-limit"]
CMD ["node", "main.js"]
