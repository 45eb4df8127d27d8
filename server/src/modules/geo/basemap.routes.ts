import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../../config.ts';
import { errorResponses } from '../../platform/http.ts';

const Basemap = Type.Union([
  Type.Object({
    url: Type.String(),
    attribution: Type.String(),
    subdomains: Type.Array(Type.String()),
    labelsUrl: Type.Union([Type.String(), Type.Null()]),
    maxZoom: Type.Integer(),
  }),
  Type.Null(),
]);

/** The configured online basemap (天地图 etc.), or null for the offline default (docs/conventions.md, "Maps"). */
export function registerBasemapRoute(app: FastifyInstance, basemap: Config['basemap']): void {
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/geo/basemap',
    {
      config: { permission: 'org.read' },
      schema: {
        tags: ['geo'],
        summary: 'Configured basemap tile layer, or null (offline)',
        response: { 200: Basemap, ...errorResponses(401, 403) },
      },
    },
    async () => basemap,
  );
}
