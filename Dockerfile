# One image for all five apps; docker-compose.yml picks the app with APP=<name>.
FROM node:20-bookworm-slim AS build
WORKDIR /srv
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx tsc -p tsconfig.build.json && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production HTTP_HOST=0.0.0.0
WORKDIR /srv
COPY --from=build /srv/package.json ./
COPY --from=build /srv/node_modules ./node_modules
COPY --from=build /srv/dist ./dist
COPY --from=build /srv/scripts/register-paths.js ./scripts/register-paths.js
COPY --from=build /srv/config ./config
# Web pages and other assets the apps read at run time live beside their sources.
COPY --from=build /srv/apps ./apps
USER node
# The same node flags as scripts/lib/common.sh (APP_NODE_FLAGS): a 64 MB young generation cuts GC cost.
ENV APP=gateway APP_NODE_FLAGS=--max-semi-space-size=64
CMD ["sh", "-c", "exec node $APP_NODE_FLAGS -r ./scripts/register-paths.js dist/apps/$APP/src/main.js"]
