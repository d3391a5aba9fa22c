# One image for every process of the platform; docker-compose.yml picks the process per container.
FROM node:20-bookworm
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund && npx tsc -b tsconfig.build.json && npm run build -w console && npm prune --omit=dev
ENV NODE_ENV=production
