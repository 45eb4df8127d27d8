import { useAuth } from '../../features/auth/context.ts';

/**
 * Who the phone app serves: an inspector (上报, 核实, 核查) or a unit's handler (处置通: 处置反馈 and requests). An
 * account holding both works as an inspector, so the inspector's app is unchanged for everyone who reports.
 */
export type H5Role = 'inspector' | 'handler';

export function h5RoleOf(can: (permission: string) => boolean): H5Role | null {
  if (can('case.report')) return 'inspector';
  if (can('case.handle')) return 'handler';
  return null;
}

export function useH5Role(): H5Role | null {
  return h5RoleOf(useAuth().can);
}
