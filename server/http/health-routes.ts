// GET /api/health and GET /api/orgs/tree (CONTRACTS §3).

import type { FastifyInstance } from 'fastify';
import type { OrgType } from '../../shared/domain.ts';
import type { Directory } from '../store/directory.ts';
import type { Services } from '../services.ts';

export interface TreeNode {
  code: string;
  name: string;
  type: OrgType;
  children: TreeNode[];
}

export function orgTree(dir: Directory, code: string | null = dir.root): TreeNode | null {
  const node = code ? dir.orgs.get(code) : undefined;
  if (!node) return null;
  return {
    code: node.code,
    name: node.name,
    type: node.type,
    children: node.children.map((c) => orgTree(dir, c)).filter((c): c is TreeNode => c !== null),
  };
}

export async function healthRoutes(app: FastifyInstance, opts: { services: Services }): Promise<void> {
  const { services } = opts;
  app.get('/api/health', async () => {
    const s = services.store.counts();
    return {
      status: services.ready() ? 'ok' : 'starting',
      version: services.version,
      counts: s,
      uptime: services.uptimeSeconds(),
      asOf: services.clock.now(),
    };
  });
  app.get('/api/orgs/tree', async (_req, reply) => {
    const tree = orgTree(services.store.dir);
    if (!tree) return reply.status(404).send({ error: 'not_found', message: 'no organisations imported yet' });
    return tree;
  });
}
