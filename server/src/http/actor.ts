import type { Role } from '@saferhood/contracts';
import type { FastifyRequest } from 'fastify';
import { requireAuth } from './context';

/** Who is acting, as services and the audit log need it. */
export interface Actor {
  userId: string;
  tenantId: string;
  role: Role;
  sessionId: string;
}

export function actorOf(request: FastifyRequest): Actor {
  const auth = requireAuth(request);
  return { userId: auth.user.id, tenantId: auth.tenant.id, role: auth.user.role as Role, sessionId: auth.sessionId };
}
