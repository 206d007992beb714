# syntax=docker/dockerfile:1
# The hub image: built in one stage (compilers for node-rdkafka's librdkafka), run in a slim one as
# the unprivileged `node` user. Build: docker build -t data-exchange-hub . (see deploy/compose.yaml).

FROM node:20-bookworm AS build
WORKDIR /app
# node-rdkafka compiles librdkafka from source: compilers and the SSL/SASL/zlib headers it links.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ libssl-dev libsasl2-dev zlib1g-dev \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
# Fail the build, not the first start, when the native addon did not build.
RUN node -e "require('node-rdkafka'); console.log('node-rdkafka', require('node-rdkafka').librdkafkaVersion)"
COPY . .
# The web console is built into web/dist, with the source hash `npm start` compares (the same paths
# as at run time), so a container never rebuilds it on a read-only file system.
RUN node --import tsx --input-type=module -e "import { ensureConsoleBuilt } from '/app/platform/server/console-build.ts'; console.log('console:', await ensureConsoleBuilt({ webDir: '/app/web', extraFiles: ['/app/package-lock.json'] }))"

FROM node:20-bookworm-slim AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends libssl3 libsasl2-2 zlib1g ca-certificates tini \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /var/lib/hub && chown node:node /var/lib/hub
WORKDIR /app
ENV HUB_MODE=services \
    HOST=0.0.0.0 \
    PORT=8080 \
    HUB_DATA_DIR=/var/lib/hub \
    HUB_SEED_DEMO=false
# The hub runs its TypeScript through tsx (a devDependency), so node_modules is copied whole.
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 8080
VOLUME ["/var/lib/hub"]
# Liveness: the process answers; readiness (/readyz: PostgreSQL, Kafka, Redis) is for the balancer.
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "--max-semi-space-size=64", "--import", "tsx", "hub/cli/start.ts"]
